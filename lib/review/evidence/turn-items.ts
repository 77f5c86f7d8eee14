import type { Fact } from "./evidence-fact";
import type { EvidenceTurn, MissedItem } from "./evidence-types";
import { termsOf } from "./text-terms";

/**
 * Something a turn states that a summary should carry: its facts (the keys that would show each is
 * carried, and whether it is a bare number), and the terms a sentence carrying it in other words would
 * share. `strict`: every fact must be carried, not one.
 */
export type TurnItem = Omit<MissedItem, "turn"> & {
  position: number;
  facts: readonly { accept: readonly string[]; number: boolean }[];
  terms: readonly string[];
  strict: boolean;
};

/** A sentence ends at ".", "!" or "?" before a space or the end: "$1,234.50" and "4.2.1" stay whole. */
const SENTENCE = /(?:[^.!?]|[.!?]+(?![\s"”]|$))+(?:[.!?]+["”]?|$)/g;
const COMMITMENT =
  /\b(?:I['’]ll|I will|we['’]ll|we will|I['’]m going to|we['’]re going to|I['’]ve (?:issued|applied|put|sent|scheduled|booked|cancell?ed|canceled|escalated|logged|moved|credited|refunded|added|opened|created|set up)|I['’]m (?:sending|texting|emailing|escalating|issuing|scheduling|booking|transferring|refunding|crediting)|(?:they|he|she)['’]ll (?:call|send|ship|come)|(?:they|he|she|tier \d|[A-Z][a-z]+) will (?:call|send|ship|come|be)|you['’]ll (?:get|receive|see)|you['’]re (?:booked|scheduled|all set))\b/i;
/** When something will happen: "within five to seven business days", "by Friday". */
const TIMEFRAME = /\b(?:within (?:the )?(?:\S+ )?(?:to \S+ )?(?:business |working )?(?:minutes?|hours?|days?|weeks?)|by (?:the end of (?:the )?(?:day|week)|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/i;
const NEXT_STEP = /\b(?:next step|follow(?:ing)? up|call (?:you|us|me) back|give us a call|call us|reach out|if it (?:hasn['’]t|has not|doesn['’]t|does not|is not|isn['’]t)|make sure)\b/i;

/**
 * The commitments, prices, dates and next steps of one agent turn, a sentence each. What the customer
 * says is why they called, which the summary tells in its own words; what the agent says is what the
 * team promised, quoted or booked, which it must carry. Questions commit to nothing.
 */
export function findTurnItems(turn: EvidenceTurn, position: number, facts: readonly Fact[]): TurnItem[] {
  const items: TurnItem[] = [];
  if (turn.speaker !== "agent") return items;
  for (const match of turn.text.matchAll(SENTENCE)) {
    const lead = match[0].length - match[0].trimStart().length;
    const start = match.index + lead;
    const end = match.index + match[0].trimEnd().length;
    if (end <= start) continue;
    const sentence = turn.text.slice(start, end);
    if (sentence.endsWith("?")) continue;
    const inside = facts.filter((fact) => fact.start >= start && fact.end <= end && !fact.weak && fact.kind !== "name");
    const kind: MissedItem["kind"] | null =
      COMMITMENT.test(sentence) || TIMEFRAME.test(sentence)
        ? "commitment"
        : inside.some((fact) => fact.kind === "money")
          ? "price"
          : inside.some((fact) => fact.kind === "date")
            ? "date"
            : NEXT_STEP.test(sentence)
              ? "next_step"
              : null;
    if (kind === null) continue;
    items.push({
      position,
      kind,
      text: sentence,
      start,
      end,
      facts: inside.map((fact) => ({ accept: fact.accept, number: fact.kind === "number" })),
      terms: [...new Set(termsOf(sentence))],
      // A price or a date is carried where its value is; a commitment, where the summary holds all its details.
      strict: kind === "commitment" || kind === "next_step",
    });
  }
  return items;
}
