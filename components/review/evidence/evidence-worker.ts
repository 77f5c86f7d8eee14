/// <reference lib="webworker" />
import { createEvidenceIndex, type EvidenceIndex } from "@/lib/review/evidence/evidence-index";
import type { EvidenceReport, EvidenceTurn } from "@/lib/review/evidence/evidence-types";

export type EvidenceRequest =
  | { type: "index"; turns: EvidenceTurn[]; callDate: string; names: string[] }
  | { type: "analyze"; seq: number; summary: string; format: "markdown" | "plain" };

export type EvidenceResponse = { seq: number; summary: string; report: EvidenceReport } | { seq: number; summary: string; error: string };

// The checks run here, off the page's thread: typing never waits for them. The index is built once per call;
// each analysis re-does only the sentences that changed since the last one.
let index: EvidenceIndex | null = null;

self.onmessage = (event: MessageEvent<EvidenceRequest>) => {
  const request = event.data;
  if (request.type === "index") {
    index = createEvidenceIndex(request.turns, { callDate: request.callDate, names: request.names });
    return;
  }
  if (!index) return;
  try {
    const report = index.analyze(request.summary, request.format);
    self.postMessage({ seq: request.seq, summary: request.summary, report } satisfies EvidenceResponse);
  } catch (error) {
    self.postMessage({ seq: request.seq, summary: request.summary, error: error instanceof Error ? error.message : String(error) } satisfies EvidenceResponse);
  }
};
