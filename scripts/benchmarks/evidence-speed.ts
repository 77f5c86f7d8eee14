import { generateFixture } from "../../emulator/data/generate";
import { renderTurns } from "../../emulator/data/render-transcript";
import { createEvidenceIndex } from "../../lib/review/evidence/evidence-index";
import type { EvidenceTurn } from "../../lib/review/evidence/evidence-types";
import { median } from "./median";

const TURNS = 3_000;
const SUMMARY_CHARS = 100_000;
const BUILDS = 9;
const EDITS = 60;

const format = (ms: number) => (ms >= 100 ? `${Math.round(ms).toLocaleString("en-US")} ms` : `${ms.toFixed(2)} ms`);

/** The floor: one pass that splits the text into lower-cased words, as any reading of it must. */
function tokenise(text: string): number {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).length;
}

function time(task: () => unknown): number {
  const started = performance.now();
  task();
  return performance.now() - started;
}

/**
 * The analyser on a 3,000-turn call and a ~100,000-character summary: building the index, the first
 * analysis and a re-analysis after a one-character edit, each against a tokenising pass over the same text
 * measured in the same run.
 */
export async function benchEvidenceSpeed(): Promise<string[]> {
  const fixture = generateFixture({ seed: 3, calls: 300, now: new Date("2026-05-12T15:00:00Z"), providers: ["allo"], errors: { rate: 0.3 } });
  const calls = fixture.allo!.items.filter((item) => item.type === "CALL" && "recipe" in item.transcript);
  const call = calls[0]!;
  if (call.type !== "CALL" || !("recipe" in call.transcript)) throw new Error("no generated call");
  const source = { recipe: { ...call.transcript.recipe, turns: TURNS } };
  const turns: EvidenceTurn[] = renderTurns(source, { direction: "inbound", outcome: "answered", durationSec: TURNS * 6 }).map((turn, index) => ({
    index,
    speaker: turn.speaker,
    text: turn.text,
  }));
  // A long summary of the same kind: this call's summaries, then others', to ~100,000 characters.
  const parts: string[] = [];
  let length = 0;
  for (const item of calls) {
    if (item.type !== "CALL") continue;
    for (const summary of item.summaries) {
      if (length >= SUMMARY_CHARS) break;
      parts.push(summary.content);
      length += summary.content.length + 2;
    }
  }
  const summary = parts.join("\n\n").slice(0, SUMMARY_CHARS);
  const transcriptText = turns.map((turn) => turn.text).join("\n");
  const options = { callDate: call.date, names: [fixture.allo!.users[0]!.name] };

  // Warm both paths once, so the medians compare compiled code.
  createEvidenceIndex(turns, options).analyze(summary, "markdown");
  for (let i = 0; i < 5; i++) tokenise(summary + transcriptText);

  const build: number[] = [];
  const first: number[] = [];
  const floorTranscript: number[] = [];
  const floorSummary: number[] = [];
  for (let run = 0; run < BUILDS; run++) {
    floorTranscript.push(time(() => tokenise(transcriptText)));
    let index = createEvidenceIndex(turns, options);
    build.push(time(() => (index = createEvidenceIndex(turns, options))));
    floorSummary.push(time(() => tokenise(summary)));
    first.push(time(() => index.analyze(summary, "markdown")));
  }
  const index = createEvidenceIndex(turns, options);
  index.analyze(summary, "markdown");
  const edit: number[] = [];
  const floorEdit: number[] = [];
  let text = summary;
  for (let run = 0; run < EDITS; run++) {
    // A letter typed somewhere in the text, as a reviewer does.
    const at = Math.floor(((run * 7919) % 997) / 997 * text.length);
    text = text.slice(0, at) + "e" + text.slice(at);
    floorEdit.push(time(() => tokenise(text)));
    edit.push(time(() => index.analyze(text, "markdown")));
  }

  const rows: [string, number, number][] = [
    [`index build (${TURNS.toLocaleString("en-US")} turns, ${transcriptText.length.toLocaleString("en-US")} chars)`, median(floorTranscript), median(build)],
    [`first analysis (${summary.length.toLocaleString("en-US")} chars)`, median(floorSummary), median(first)],
    ["re-analysis after a one-character edit", median(floorEdit), median(edit)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `  medians of ${BUILDS} builds and first analyses and ${EDITS} edits; floor: one lower-casing split into words of the same text`,
    `  ${"".padEnd(width)}  ${"floor".padStart(10)}  ${"analyser".padStart(10)}  ${"ratio".padStart(8)}`,
    ...rows.map(([label, floor, subject]) => `  ${label.padEnd(width)}  ${format(floor).padStart(10)}  ${format(subject).padStart(10)}  ${`${(subject / floor).toFixed(1)}×`.padStart(8)}`),
  ];
}
