import { generateGroundTruth } from "../../emulator/data/ground-truth";
import { KIND_OF_ERROR } from "../../emulator/data/truth/summary-truth";
import type { FactKind } from "../../lib/review/evidence/evidence-types";
import { evidenceCases, type EvidenceProvider } from "./evidence-cases";
import { emptyTally, FLAGGED_KINDS, scoreCase, type Tally } from "./evidence-score";

const CALLS = 1_000;
const ERROR_RATE = 0.3;
const now = new Date("2026-05-12T15:00:00Z");

const sum = (record: Partial<Record<string, number>>) => Object.values(record).reduce<number>((total, value) => total + (value ?? 0), 0);
const ratio = (part: number, total: number) => (total === 0 ? "  —  " : (part / total).toFixed(3));
const row = (cells: (string | number)[], widths: number[]) => `  ${cells.map((cell, at) => (at === 0 ? String(cell).padEnd(widths[at]!) : String(cell).padStart(widths[at]!))).join("  ")}`;

function flagLines(label: string, tally: Tally): string[] {
  const tp = sum(tally.truePositives);
  const unsupported = sum(tally.unsupported);
  const fp = sum(tally.falsePositives);
  const fn = sum(tally.falseNegatives);
  const caught = sum(tally.caught);
  return [
    row(
      [label, tp, unsupported, fp, fn, ratio(tp + unsupported, tp + unsupported + fp), ratio(tp, tp + unsupported + fp), ratio(caught, caught + fn)],
      [12, 6, 6, 6, 6, 10, 10, 8],
    ),
  ];
}

/**
 * The evidence analyser scored against the generator's truth: 1,000 calls per provider, 30% of summaries
 * with known errors, every summary with a transcript read as the review page reads it (see evidence-cases.ts).
 */
export async function benchEvidenceAccuracy(): Promise<string[]> {
  const { fixture, truth } = generateGroundTruth({ seed: 7, calls: CALLS, now, errors: { rate: ERROR_RATE } });
  const cases = evidenceCases(fixture, truth);
  const overall = emptyTally();
  const byProvider = new Map<EvidenceProvider, Tally>();
  const started = performance.now();
  for (const entry of cases) {
    if (!byProvider.has(entry.provider)) byProvider.set(entry.provider, emptyTally());
    scoreCase(entry, [overall, byProvider.get(entry.provider)!]);
  }
  const seconds = (performance.now() - started) / 1000;
  const counts = [...byProvider.keys()].map((provider) => `${provider} ${cases.filter((entry) => entry.provider === provider).length}`).join(", ");
  const header = row(["", "TP", "unsup", "FP", "FN", "precision", "strict", "recall"], [12, 6, 6, 6, 6, 10, 10, 8]);
  const lines = [
    `  ${cases.length.toLocaleString("en-US")} summaries read against a transcript (${counts}; Twilio serves none), ${seconds.toFixed(1)} s of analysis`,
    "",
    "  flags: TP over an injected error; unsup over a detail the transcript does not hold as generated (turns [], not injected);",
    "  precision counts unsup as right, strict as wrong; recall is per injected error (changed_*, swapped_name, invented_commitment)",
    header,
    ...flagLines("overall", overall),
    ...[...byProvider].flatMap(([provider, tally]) => flagLines(provider, tally)),
  ];
  if (overall.otherCall > 0) lines.push(`  (${overall.otherCall} flags on sentences about another call of a Bland memory, scored with that call's own case)`);

  lines.push("", "  per error kind: TP/FN are errors caught/missed; FP are wrong flags of the fact kind the error changes", row(["", "TP", "FN", "FP", "unsup", "precision", "recall"], [20, 6, 6, 6, 6, 10, 8]));
  for (const kind of FLAGGED_KINDS) {
    const fact: FactKind | undefined = KIND_OF_ERROR[kind];
    const tp = overall.caught[kind];
    const fn = overall.falseNegatives[kind];
    const flagsRight = overall.truePositives[kind];
    const fp = fact ? (overall.falsePositives[fact] ?? 0) : "—";
    const unsupported = fact ? (overall.unsupported[fact] ?? 0) : "—";
    const precision = typeof fp === "number" && typeof unsupported === "number" ? ratio(flagsRight + unsupported, flagsRight + unsupported + fp) : "  —  ";
    lines.push(row([kind, tp, fn, fp, unsupported, precision, ratio(tp, tp + fn)], [20, 6, 6, 6, 6, 10, 8]));
  }
  const otherFp = (["phone", "email"] as const).map((kind) => `${kind} ${overall.falsePositives[kind] ?? 0}`).join(", ");
  lines.push(`  wrong flags of kinds no error changes: ${otherFp}`);

  const missedLine = (label: string, tally: Tally) =>
    row(
      [label, tally.droppedFound, tally.droppedMissed, ratio(tally.droppedFound, tally.droppedFound + tally.droppedMissed), tally.missedRight, tally.missedWrong, ratio(tally.missedRight, tally.missedRight + tally.missedWrong)],
      [12, 7, 7, 8, 7, 7, 10],
    );
  lines.push(
    "",
    "  missed commitments: recall of dropped_commitment (a missed item on one of its turns); precision of missed items (on a turn of a commitment",
    "  not covered, or of a value the summary changed)",
    row(["", "found", "missed", "recall", "right", "wrong", "precision"], [12, 7, 7, 8, 7, 7, 10]),
    missedLine("overall", overall),
    ...[...byProvider].map(([provider, tally]) => missedLine(provider, tally)),
  );

  const linkLine = (label: string, tally: Tally) =>
    row(
      [label, tally.linked, ratio(tally.topFirst, tally.linked), ratio(tally.topAny, tally.linked), tally.factLinked, ratio(tally.factTopFirst, tally.factLinked), ratio(tally.factTopAny, tally.factLinked)],
      [12, 9, 14, 14, 9, 14, 14],
    );
  lines.push(
    "",
    "  links: sentences with truth turns (matched by most offset overlap); top-1 = the truth's first turn, top-1 ∈ the truth's turns;",
    "  then the same over sentences whose truth turns hold a fact other than a name (the truth links a sentence with only a name to the greeting)",
    row(["", "sentences", "top-1 = first", "top-1 ∈ turns", "by fact", "top-1 = first", "top-1 ∈ turns"], [12, 9, 14, 14, 9, 14, 14]),
    linkLine("overall", overall),
    ...[...byProvider].map(([provider, tally]) => linkLine(provider, tally)),
  );
  if (process.env.EVIDENCE_SAMPLES) {
    for (const [name, list] of Object.entries(overall.samples)) lines.push("", `  ${name}:`, ...list.map((line) => `    ${line}`));
  }
  return lines;
}
