import type { Fact } from "./evidence-fact";
import type { EvidenceTurn, MissedItem } from "./evidence-types";

/** Something a turn states that a summary should carry, with the facts that would show it does. */
export type TurnItem = Omit<MissedItem, "turn"> & { position: number; accept: readonly string[] };

/** A sentence ends at ".", "!" or "?" before a space or the end: "$1,234.50" and "4.2.1" stay whole. */
const SENTENCE = /(?:[^.!?]|[.!?]+(?![\s"”]|$))+(?:[.!?]+["”]?|$)/g;
const COMMITMENT =
  /\b(?:I['’]ll|I will|we['’]ll|we will|I['’]m going to|we['’]re going to|I['’]ve (?:issued|applied|put|sent|scheduled|booked|cancell?ed|canceled|escalated|logged|moved|credited|refunded|added|opened|created|set up)|I['’]m (?:sending|texting|emailing|escalating|issuing|scheduling|booking|transferring|refunding|crediting)|(?:they|he|she)['’]ll (?:call|send|ship|come)|(?:they|he|she|tier \d|[A-Z][a-z]+) will (?:call|send|ship|come|be)|you['’]ll (?:get|receive|see))\b/i;
const NEXT_STEP = /\b(?:next step|follow(?:ing)? up|call (?:you|us|me) back|give us a call|call us|reach out|if it (?:hasn['’]t|has not|doesn['’]t|does not|is not|isn['’]t)|make sure)\b/i;

/**
 * The commitments, prices, dates and next steps of one turn, a sentence each. Questions commit to
 * nothing; only the agent's words count as commitments and next steps, while a price or a date
 * counts whoever says it.
 */
export function findTurnItems(turn: EvidenceTurn, position: number, facts: readonly Fact[]): TurnItem[] {
  const items: TurnItem[] = [];
  for (const match of turn.text.matchAll(SENTENCE)) {
    const lead = match[0].length - match[0].trimStart().length;
    const start = match.index + lead;
    const end = match.index + match[0].trimEnd().length;
    if (end <= start) continue;
    const sentence = turn.text.slice(start, end);
    if (sentence.endsWith("?")) continue;
    const inside = facts.filter((fact) => fact.start >= start && fact.end <= end && !fact.weak && fact.kind !== "name");
    const agent = turn.speaker === "agent";
    const kind: MissedItem["kind"] | null =
      agent && COMMITMENT.test(sentence)
        ? "commitment"
        : inside.some((fact) => fact.kind === "money")
          ? "price"
          : inside.some((fact) => fact.kind === "date")
            ? "date"
            : agent && NEXT_STEP.test(sentence)
              ? "next_step"
              : null;
    if (kind === null) continue;
    items.push({ position, kind, text: sentence, start, end, accept: inside.flatMap((fact) => fact.accept) });
  }
  return items;
}
