import type { FactKind } from "./evidence-types";

/**
 * A fact found in a text, normalised. Two facts agree when one's `accept` meets the other's `keys`:
 * "March 3" has keys date:…, weekday and day-of-month, and is accepted by the same date or a bare
 * "the third"; "$129" has keys money:12900 and num:129. Offsets are into the text it was found in.
 */
export type Fact = {
  kind: FactKind;
  start: number;
  end: number;
  text: string;
  /** The value in words for messages: "$129.00", "Tuesday, March 3", "2:30 PM". */
  label: string;
  /** What stating this fact backs. */
  keys: readonly string[];
  /** What backs this fact; any one is enough. */
  accept: readonly string[];
  /** For "the closest": cents, a day number, minutes; NaN where values compare as text. */
  measure: number;
  /** Compared by edit distance where `measure` is NaN: digits, an address, a name. */
  plain: string;
  /** Said in passing ("today", "the first"): backs a summary, but is not something a summary must cover. */
  weak?: boolean;
};

export type FactContext = {
  /** The call's day, in days since 1970-01-01 UTC. */
  callDay: number;
  /** Summaries use "one" as a pronoun ("the one"), so there a lone "one" is no number. */
  summary: boolean;
};

export const DAY_MS = 86_400_000;
