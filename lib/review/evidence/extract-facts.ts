import { findAmountFacts } from "./amount-facts";
import { findCalendarFacts } from "./calendar-facts";
import { findContactFacts } from "./contact-facts";
import type { Fact, FactContext } from "./evidence-fact";
import type { FactKind } from "./evidence-types";
import { findSaidNames, findSummaryNames } from "./name-facts";
import { findNumberRuns } from "./spoken-numbers";

/** Which reading wins where two overlap: an address beats the digits in it, a date the number in it. */
const PRIORITY: Record<FactKind, number> = { email: 0, phone: 1, id: 2, money: 3, time: 4, date: 5, number: 6, name: 7 };

/** "00:01:15": a place in a recording or a duration, not a time of day nor three numbers. */
const CLOCK_STAMP = /(?<![\d:])\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?![\d:])/g;

/**
 * The facts a text states, each span read once. Candidates from every reader are taken by priority,
 * then length, and a candidate that overlaps one already taken is dropped.
 */
export function extractFacts(text: string, context: FactContext): Fact[] {
  const runs = findNumberRuns(text);
  const candidates = [
    ...findContactFacts(text, runs),
    ...findAmountFacts(text, runs, context),
    ...findCalendarFacts(text, runs, context),
    ...(context.summary ? findSummaryNames(text) : findSaidNames(text)),
  ];
  candidates.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Fact[] = [];
  const stamps = text.includes(":") ? [...text.matchAll(CLOCK_STAMP)].map((match) => ({ start: match.index, end: match.index + match[0].length })) : [];
  for (const candidate of candidates) {
    if ([...stamps, ...taken].some((fact) => fact.start < candidate.end && candidate.start < fact.end)) continue;
    taken.push(candidate);
  }
  return taken.sort((a, b) => a.start - b.start);
}
