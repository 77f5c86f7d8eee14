import { changedBlocks } from "../text/changed-blocks";
import type { CorrectionReason } from "./correction-reasons";

const month = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec";
// Dates and times first, so the numbers inside them ("March 3", "2:30 PM") do not count as amounts too.
const date = new RegExp(
  `\\b(?:(?:${month})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${month})|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|next week|\\d{1,2}:\\d{2}\\s?(?:am|pm)?|\\d{1,2}\\s?(?:am|pm)|\\d{1,2}\\/\\d{1,2}(?:\\/\\d{2,4})?)\\b`,
  "gi",
);
const amount = /[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?%?/g;
const name = /\b\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)*\b/gu;
const commitment = /\b(?:will|'ll|going to|promised?|commit(?:ted|s)?|send|email|call (?:back|you)|follow[- ]up|next step)\b/i;
// Capitalised words that are not people: sentence starts, headings, days and months.
const notNames = new Set(
  "The A An And But So Then This That It He She They We I You Summary Commitments Next Steps Promised None Customer Agent Refund Call Email Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December".split(" "),
);

const tokens = (pattern: RegExp, text: string) => new Set((text.match(pattern) ?? []).map((token) => token.toLowerCase()));
const withoutDates = (text: string) => text.replace(date, " ");
const people = (text: string) => new Set([...(text.match(name) ?? [])].filter((token) => !notNames.has(token.split(" ")[0]!)));
/** Something of the kind was taken out and something else of the kind put in: a replacement, not an addition. */
const replaced = (removed: Set<string>, added: Set<string>) => [...removed].some((token) => !added.has(token)) && [...added].some((token) => !removed.has(token));
const letters = (text: string) => text.replace(/[^\p{L}\p{N}$€£%]+/gu, "").toLowerCase();

/** What the evidence checks flagged, as the reason a correction of that fact would carry. */
const flagReasons: Record<string, CorrectionReason> = {
  money: "wrong_amount",
  number: "wrong_amount",
  id: "wrong_amount",
  date: "wrong_date",
  time: "wrong_date",
  name: "wrong_person",
  phone: "wrong_person",
  email: "wrong_person",
};

/**
 * Reasons a correction probably had, read from each change it made (an amount, a date or a name replaced
 * by another; a commitment added; a claim taken out; only wording or layout) and from the facts the
 * evidence checks flagged in the AI's text. Suggestions only: the reviewer confirms or changes them.
 */
export function suggestReasons(before: string, after: string, flaggedKinds: readonly string[] = []): CorrectionReason[] {
  const reasons = new Set<CorrectionReason>(flaggedKinds.flatMap((kind) => flagReasons[kind] ?? []));
  let onlyLayout = before !== after;
  for (const { removed, added } of changedBlocks(before, after)) {
    if (replaced(tokens(amount, withoutDates(removed)), tokens(amount, withoutDates(added)))) reasons.add("wrong_amount");
    if (replaced(tokens(date, removed), tokens(date, added))) reasons.add("wrong_date");
    if (replaced(people(removed), people(added))) reasons.add("wrong_person");
    if (commitment.test(added) && !commitment.test(removed)) reasons.add("missed_commitment");
    if (letters(added).length === 0 && letters(removed).length > 0) reasons.add("invented_content");
    if (letters(removed) !== letters(added)) onlyLayout = false;
  }
  if (onlyLayout && reasons.size === 0) reasons.add("tone_format");
  return [...reasons];
}
