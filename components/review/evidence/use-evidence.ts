"use client";

import { useEffect, useRef, useState } from "react";
import type { EvidenceReport } from "@/lib/review/evidence/evidence-types";
import type { TranscriptTurn } from "@/lib/providers/types";
import type { EvidenceRequest, EvidenceResponse } from "./evidence-worker";

export type EvidenceState =
  | { status: "off"; why: "no_transcript" | "unsupported" }
  | { status: "checking" }
  | { status: "ready"; report: EvidenceReport; text: string }
  | { status: "failed" };

/**
 * The summary's evidence checks against the transcript, computed in a worker: one analysis in flight at a
 * time, the latest text next, so a burst of typing costs one analysis when it pauses, never one per key.
 */
export function useEvidence(input: { turns: TranscriptTurn[]; callDate: string; names: string[]; text: string; format: "markdown" | "plain" }): EvidenceState {
  const { turns, callDate, names, text, format } = input;
  const hasTurns = turns.length > 0;
  const worker = useRef<Worker | null>(null);
  const inFlight = useRef(false);
  const latest = useRef({ text, format });
  const seq = useRef(0);
  const [state, setState] = useState<EvidenceState>(() => (hasTurns ? { status: "checking" } : { status: "off", why: "no_transcript" }));
  const namesKey = names.join("\u0000");

  useEffect(() => {
    if (!hasTurns) return;
    if (typeof Worker === "undefined") {
      const timer = setTimeout(() => setState({ status: "off", why: "unsupported" }), 0);
      return () => clearTimeout(timer);
    }
    let created: Worker | null = null;
    const start = () => {
      const spawned = new Worker(new URL("./evidence-worker.ts", import.meta.url), { type: "module" });
      created = spawned;
      worker.current = spawned;
      const post = (request: EvidenceRequest) => spawned.postMessage(request);
      post({
        type: "index",
        turns: turns.map((turn, index) => ({ index, speaker: turn.speaker, text: turn.text })),
        callDate,
        names: namesKey ? namesKey.split("\u0000") : [],
      });
      const analyzeLatest = () => {
        inFlight.current = true;
        seq.current += 1;
        post({ type: "analyze", seq: seq.current, summary: latest.current.text, format: latest.current.format });
      };
      spawned.onmessage = (event: MessageEvent<EvidenceResponse>) => {
        inFlight.current = false;
        const response = event.data;
        if ("error" in response) setState({ status: "failed" });
        else setState({ status: "ready", report: response.report, text: response.summary });
        // Typed meanwhile: check the newest text now.
        if (response.summary !== latest.current.text) analyzeLatest();
      };
      spawned.onerror = () => setState({ status: "failed" });
      analyzeLatest();
    };
    // Started once the page is idle: the worker's script must not compete with the editor's while the page opens.
    const idle = typeof requestIdleCallback === "function" ? requestIdleCallback(start, { timeout: 2_000 }) : null;
    const timer = idle === null ? setTimeout(start, 200) : null;
    return () => {
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
      created?.terminate();
      worker.current = null;
      inFlight.current = false;
    };
  }, [hasTurns, turns, callDate, namesKey]);

  useEffect(() => {
    latest.current = { text, format };
    if (!worker.current || inFlight.current) return;
    inFlight.current = true;
    seq.current += 1;
    worker.current.postMessage({ type: "analyze", seq: seq.current, summary: text, format } satisfies EvidenceRequest);
  }, [text, format]);

  return state;
}
