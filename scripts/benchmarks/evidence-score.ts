import { createEvidenceIndex } from "../../lib/review/evidence/evidence-index";
import type { EvidenceReport, FactKind } from "../../lib/review/evidence/evidence-types";
import type { EvidenceCase } from "./evidence-cases";

/** Errors a fact flag can catch: a changed value, a swapped name, an invented sentence. */
export const FLAGGED_KINDS = ["changed_amount", "changed_date", "changed_time", "changed_number", "changed_id", "swapped_name", "invented_commitment"] as const;
type FlaggedKind = (typeof FLAGGED_KINDS)[number];

export type Tally = {
  /** Flags over an injected error, by the error's kind. */
  truePositives: Record<FlaggedKind, number>;
  /** Flags over a truth fact the transcript does not hold as generated (`turns: []`, not injected), by fact kind. */
  unsupported: Partial<Record<FactKind, number>>;
  /** Flags over nothing wrong, by fact kind. */
  falsePositives: Partial<Record<FactKind, number>>;
  /** Injected errors some flag covers, and those none does. */
  caught: Record<FlaggedKind, number>;
  falseNegatives: Record<FlaggedKind, number>;
  /** Flags on sentences about another call of a Bland memory, scored with that call instead. */
  otherCall: number;
  /** Dropped commitments with a missed item on one of their turns, and without. */
  droppedFound: number;
  droppedMissed: number;
  /** Missed items on a turn of a commitment the summary does not cover, and the others. */
  missedRight: number;
  missedWrong: number;
  /** Sentences with truth turns: top-1 is the truth's first turn; top-1 is one of them. */
  linked: number;
  topFirst: number;
  topAny: number;
  /** The same over sentences whose truth turns come from a fact other than a name (not from a name alone). */
  factLinked: number;
  factTopFirst: number;
  factTopAny: number;
  /** Examples of each mistake, for reading. */
  samples: { falsePositives: string[]; falseNegatives: string[]; links: string[]; missed: string[] };
};

const zeros = () => Object.fromEntries(FLAGGED_KINDS.map((kind) => [kind, 0])) as Record<FlaggedKind, number>;

export function emptyTally(): Tally {
  return {
    truePositives: zeros(),
    unsupported: {},
    falsePositives: {},
    caught: zeros(),
    falseNegatives: zeros(),
    otherCall: 0,
    droppedFound: 0,
    droppedMissed: 0,
    missedRight: 0,
    missedWrong: 0,
    linked: 0,
    topFirst: 0,
    topAny: 0,
    factLinked: 0,
    factTopFirst: 0,
    factTopAny: 0,
    samples: { falsePositives: [], falseNegatives: [], links: [], missed: [] },
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const bump = <K extends string>(record: Partial<Record<K, number>>, key: K) => (record[key] = (record[key] ?? 0) + 1);
const SAMPLES = 40;
const sample = (list: string[], line: () => string) => {
  if (list.length < SAMPLES) list.push(line());
};

/**
 * Runs the analyser on one case and adds what it found to `tally`. A flag is right when it overlaps an
 * injected changed value or invented sentence; it counts apart when it overlaps a fact the transcript does
 * not hold as generated; otherwise it is wrong. Precision is per flag, recall per error.
 */
export function scoreCase(entry: EvidenceCase, tallies: readonly Tally[]): void {
  const report = createEvidenceIndex(entry.turns, { callDate: entry.callDate, names: entry.names }).analyze(entry.summary, entry.format);
  for (const tally of tallies) scoreReport(entry, report, tally);
}

function scoreReport(entry: EvidenceCase, report: EvidenceReport, tally: Tally): void {
  const { truth } = entry;
  const sentences = truth.sentences.map((sentence) => ({ ...entry.locate(sentence), sentence }));
  const scoped = (span: { start: number; end: number }) => {
    const home = sentences.find((sentence) => overlaps(sentence, span));
    return home === undefined || entry.inScope(home.sentence);
  };
  const errors = truth.errors
    .filter((error): error is typeof error & { kind: FlaggedKind; start: number; end: number } =>
      (FLAGGED_KINDS as readonly string[]).includes(error.kind) && error.start !== null && error.end !== null && entry.inScope(error),
    )
    .map((error) => ({ ...error, ...entry.locate(error as { start: number; end: number }) }));
  const unsupported = truth.facts.filter((fact) => fact.turns.length === 0 && fact.injected === null && entry.inScope(fact)).map((fact) => entry.locate(fact));
  const where = `${entry.provider} ${entry.key}`;

  for (const flag of report.flags) {
    if (!scoped(flag)) {
      tally.otherCall++;
      continue;
    }
    const error = errors.find((candidate) => overlaps(candidate, flag));
    if (error) tally.truePositives[error.kind]++;
    else if (unsupported.some((fact) => overlaps(fact, flag))) bump(tally.unsupported, flag.kind);
    else {
      bump(tally.falsePositives, flag.kind);
      sample(tally.samples.falsePositives, () => `${where}: [${flag.kind}] "${flag.text}" — ${flag.message} — in: ${entry.summary.slice(Math.max(0, flag.start - 60), flag.end + 40).replace(/\n/g, " ")}`);
    }
  }
  for (const error of errors) {
    if (report.flags.some((flag) => overlaps(flag, error))) tally.caught[error.kind]++;
    else {
      tally.falseNegatives[error.kind]++;
      const turn = error.turns[0];
      sample(
        tally.samples.falseNegatives,
        () =>
          `${where}: ${error.kind} "${error.wrong}" (right "${error.right}") in: ${entry.summary.slice(error.start - 40, error.end + 40).replace(/\n/g, " ")}${turn === undefined ? "" : ` | turn ${turn}: ${entry.turns[turn]?.text}`}`,
      );
    }
  }

  for (const error of truth.errors) {
    if (error.kind !== "dropped_commitment" || !entry.inScope(error)) continue;
    if (report.missed.some((item) => error.turns.includes(item.turn))) tally.droppedFound++;
    else {
      tally.droppedMissed++;
      sample(tally.samples.missed, () => `${where}: dropped "${error.right}" turns ${error.turns.join(",")} not reported`);
    }
  }
  // A turn whose value the summary changed is not carried either: the truth judges coverage on the text
  // as the call went, so those turns count with the commitments it leaves uncovered.
  const changed = truth.errors.filter((error) => error.kind.startsWith("changed_") && entry.inScope(error)).flatMap((error) => error.turns);
  const open = [...truth.commitments.filter((commitment) => !commitment.covered && entry.inScope(commitment)).flatMap((commitment) => commitment.turns), ...changed];
  const coverable = truth.commitments.some((commitment) => entry.inScope(commitment));
  for (const item of report.missed) {
    if (!coverable) continue;
    if (open.includes(item.turn)) tally.missedRight++;
    else {
      tally.missedWrong++;
      sample(tally.samples.missed, () => `${where}: missed item turn ${item.turn} [${item.kind}] "${item.text}" is covered or no commitment`);
    }
  }

  report.sentences.forEach((sentence, index) => {
    let best: (typeof sentences)[number] | null = null;
    let bestOverlap = 0;
    for (const candidate of sentences) {
      const shared = Math.min(candidate.end, sentence.end) - Math.max(candidate.start, sentence.start);
      if (shared > bestOverlap) {
        best = candidate;
        bestOverlap = shared;
      }
    }
    if (best === null || best.sentence.turns.length === 0 || !entry.inScope(best.sentence)) return;
    tally.linked++;
    const top = report.links[index]?.turns[0]?.index;
    if (top === best.sentence.turns[0]) tally.topFirst++;
    const home = best;
    const byFact = truth.facts.some((fact) => fact.kind !== "name" && fact.turns.length > 0 && overlaps(entry.locate(fact), home));
    if (byFact) {
      tally.factLinked++;
      if (top === best.sentence.turns[0]) tally.factTopFirst++;
      if (top !== undefined && best.sentence.turns.includes(top)) tally.factTopAny++;
    }
    if (top !== undefined && best.sentence.turns.includes(top)) tally.topAny++;
    else sample(tally.samples.links, () => `${where}: "${sentence.text}" → ${top === undefined ? "none" : `turn ${top}: ${entry.turns[top]?.text}`} | truth ${best.sentence.turns.join(",")}: ${entry.turns[best.sentence.turns[0]!]?.text}`);
  });
}
