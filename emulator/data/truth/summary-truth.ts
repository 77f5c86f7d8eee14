import { coversCommitment } from "./coverage";
import { contentWords, neighbours, scanFacts, statesFact, type FactKind, type FoundFact } from "./fact-scan";
import type { ErrorKind } from "./error-injector";
import { splitSentences } from "./split-sentences";
import type { SummaryTruth, TruthCommitment, TruthError, TruthFact, TruthSentence } from "./truth-schema";

/** A call's transcript as its API serves it; `linked: false` where the API serves none (Twilio). */
export type TurnSource = { call?: string; turns: readonly string[]; linked: boolean };

/** An error as written, with where its text landed (none for a dropped commitment). */
export type LocatedError = { id: string; kind: ErrorKind; wrong: string | null; right: string | null; span: { start: number; end: number } | null };

/** One string of a summary (Quo's summaries are lists of them), the calls it tells of, and its errors. */
export type TruthUnit = {
  text: string;
  place?: { part: "summary" | "nextSteps"; item: number };
  /** Which call each stretch of the text tells of; text outside every stretch tells of none. */
  sources: readonly { start: number; end: number; source: TurnSource }[];
  errors: readonly LocatedError[];
};

/** A commitment, price, date or next step of a call, as a faithful summary words it. */
export type CallCommitment = { kind: TruthCommitment["kind"]; text: string; source: TurnSource };

export type TruthInput = {
  units: readonly TruthUnit[];
  /** The people the summary may name, wrong names included. */
  names: readonly string[];
  commitments: readonly CallCommitment[];
  /** Dropped commitments: their error id, by the commitment's text. */
  dropped: readonly { id: string; text: string; source: TurnSource }[];
};

/** The kind of fact a changed value is: what a benchmark scores the flags on that error by. */
export const KIND_OF_ERROR: Partial<Record<ErrorKind, FactKind>> = {
  changed_amount: "money",
  changed_date: "date",
  changed_time: "time",
  changed_number: "number",
  changed_id: "id",
  swapped_name: "name",
};

type Key = Pick<FoundFact, "kind" | "text" | "before" | "after">;

/**
 * The turns supporting a sentence, best first. A sentence is supported by the turns that state its
 * checkable facts (the values its placeholders were filled with, the right value where an error changed
 * one), names left out, since greetings say names and nothing more. More shared facts rank first, then
 * more shared content words, then the earlier turn. A sentence without any fact but names ("Leah
 * re-paired the device") is supported by the turns sharing two or more of its other content words, where
 * what it tells was said; only where none does, by the turns that say its names.
 */
function support(keys: readonly Key[], words: Set<string>, source: TurnSource | null, wordsOf: (turn: number) => Set<string>): number[] {
  if (source === null || !source.linked) return [];
  const plain = keys.filter((key) => key.kind !== "name");
  if (plain.length === 0 && keys.length > 0) {
    const named = new Set(keys.flatMap((key) => [...contentWords(key.text)]));
    const told = support([], new Set([...words].filter((word) => !named.has(word))), source, wordsOf);
    if (told.length > 0) return told;
  }
  const used = plain.length > 0 ? plain : keys;
  const scored: { turn: number; facts: number; shared: number }[] = [];
  source.turns.forEach((text, turn) => {
    const facts = used.filter((key) => statesFact(text, key)).length;
    if (used.length > 0 && facts === 0) return;
    let shared = 0;
    for (const word of wordsOf(turn)) if (words.has(word)) shared++;
    if (used.length === 0 && shared < 2) return;
    scored.push({ turn, facts, shared });
  });
  return scored.sort((a, b) => b.facts - a.facts || b.shared - a.shared || a.turn - b.turn).map((entry) => entry.turn);
}

/** The truth of one summary: its sentences and facts linked to turns, the call's commitments, its errors. */
export function summaryTruth(input: TruthInput): SummaryTruth {
  const wordCache = new Map<TurnSource, Map<number, Set<string>>>();
  const wordsIn = (source: TurnSource) => (turn: number) => {
    let cache = wordCache.get(source);
    if (cache === undefined) wordCache.set(source, (cache = new Map()));
    let words = cache.get(turn);
    if (words === undefined) cache.set(turn, (words = contentWords(source.turns[turn] ?? "")));
    return words;
  };
  const supportOf = (keys: readonly Key[], text: string, source: TurnSource | null) =>
    source === null ? [] : support(keys, contentWords(text), source, wordsIn(source));
  const names = [...new Set(input.names)];

  const sentences: TruthSentence[] = [];
  const facts: TruthFact[] = [];
  const errors: TruthError[] = [];
  /** Each sentence as the call went (right values back in), by the call it tells of, for coverage. */
  const faithful: { text: string; source: TurnSource | null }[] = [];

  for (const unit of input.units) {
    const where = { ...(unit.place ?? {}) };
    const sourceAt = (at: number) => unit.sources.find((entry) => entry.start <= at && at < entry.end)?.source ?? null;
    const callOf = (source: TurnSource | null) => (source?.call === undefined ? {} : { call: source.call });
    const found = scanFacts(unit.text, names);
    // An error's text is a fact even where the scan reads it otherwise.
    for (const error of unit.errors) {
      const kind = KIND_OF_ERROR[error.kind];
      if (kind === undefined || error.span === null) continue;
      const { start, end } = error.span;
      const overlapping = found.filter((fact) => fact.start < end && start < fact.end);
      if (overlapping.length === 1 && overlapping[0]?.start === start && overlapping[0].end === end) continue;
      for (const fact of overlapping) found.splice(found.indexOf(fact), 1);
      found.push({ kind, text: unit.text.slice(start, end), start, end, ...neighbours(unit.text, start, end) });
    }
    found.sort((a, b) => a.start - b.start);
    const errorAt = (fact: FoundFact) =>
      unit.errors.find((error) => error.span !== null && error.span.start <= fact.start && fact.end <= error.span.end) ?? null;

    for (const sentence of splitSentences(unit.text)) {
      const index = sentences.length;
      const source = sourceAt(sentence.start);
      const inside = found.filter((fact) => fact.start >= sentence.start && fact.end <= sentence.end);
      const keys: Key[] = [];
      let faithfulText = sentence.text;
      for (const fact of [...inside].reverse()) {
        const error = errorAt(fact);
        const changed = error !== null && error.kind !== "invented_commitment";
        const key = { ...fact, text: changed ? (error.right ?? fact.text) : fact.text };
        if (error?.kind !== "invented_commitment") keys.push(key);
        if (changed) faithfulText = faithfulText.slice(0, fact.start - sentence.start) + key.text + faithfulText.slice(fact.end - sentence.start);
        const fromInvented = error?.kind === "invented_commitment";
        facts.push({
          kind: fact.kind,
          text: fact.text,
          start: fact.start,
          end: fact.end,
          turns: fromInvented ? [] : supportOf([key], "", source),
          injected: error === null || (fromInvented && fact.kind === "name") ? null : error.id,
          ...where,
          ...callOf(source),
        });
      }
      // An invented commitment is its sentence, give or take a list's label ("Promised: …").
      const wholeInvented = unit.errors.some(
        (error) =>
          error.kind === "invented_commitment" &&
          error.span !== null &&
          error.span.start >= sentence.start &&
          error.span.end <= sentence.end &&
          (error.span.end - error.span.start) * 2 > sentence.end - sentence.start,
      );
      sentences.push({
        text: sentence.text,
        start: sentence.start,
        end: sentence.end,
        turns: wholeInvented ? [] : supportOf(keys, sentence.text, source),
        ...where,
        ...callOf(source),
      });
      if (!wholeInvented) faithful.push({ text: faithfulText, source });
      for (const error of unit.errors) {
        if (error.span === null || error.span.start < sentence.start || error.span.start >= sentence.end) continue;
        const right = error.kind === "invented_commitment" ? null : inside.find((fact) => fact.start === error.span?.start);
        errors.push({
          id: error.id,
          kind: error.kind,
          sentence: index,
          start: error.span.start,
          end: error.span.end,
          wrong: error.wrong,
          right: error.right,
          turns: right ? supportOf([{ ...right, text: error.right ?? right.text }], "", source) : [],
          ...where,
          ...callOf(source),
        });
      }
    }
  }
  // Text order; for Quo, the summary list before the next steps, as the sentences are.
  const order = (fact: TruthFact) => (fact.part === "nextSteps" ? 1 : 0);
  facts.sort((a, b) => order(a) - order(b) || (a.item ?? 0) - (b.item ?? 0) || a.start - b.start);

  const droppedBy = new Map(input.dropped.map((entry) => [`${entry.source.call ?? ""}\n${entry.text}`, entry.id]));
  for (const entry of input.dropped) {
    errors.push({
      id: entry.id,
      kind: "dropped_commitment",
      sentence: null,
      start: null,
      end: null,
      wrong: null,
      right: entry.text,
      turns: supportOf(scanFacts(entry.text, names), entry.text, entry.source),
      ...(entry.source.call === undefined ? {} : { call: entry.source.call }),
    });
  }
  const commitments: TruthCommitment[] = input.commitments.map((commitment) => {
    const dropped = droppedBy.get(`${commitment.source.call ?? ""}\n${commitment.text}`) ?? null;
    const same = faithful.filter((entry) => entry.source !== null && entry.source.call === commitment.source.call).map((entry) => entry.text);
    return {
      kind: commitment.kind,
      text: commitment.text,
      turns: supportOf(scanFacts(commitment.text, names), commitment.text, commitment.source),
      covered: dropped === null && coversCommitment(same, commitment.text, names),
      injected: dropped,
      ...(commitment.source.call === undefined ? {} : { call: commitment.source.call }),
    };
  });
  return { sentences, facts, commitments, errors: errors.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))) };
}
