"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CallDetail } from "@/lib/providers/types";
import type { FactFlag, MissedItem } from "@/lib/review/evidence/evidence-types";
import type { TranscriptEvidence } from "../transcript-panel";
import { markFlags } from "./flag-highlights";
import { selectInSummary, sentenceAt, summaryTextarea } from "./summary-selection";
import { useEvidence } from "./use-evidence";

/** The text layer the editor draws under its textarea, where the flagged facts are marked. */
const textLayer = () => document.querySelector(".summary-pane .w-md-editor-text-pre, .summary-pane .plain-mirror");

/**
 * Ties the evidence checks to the review page: the caret's sentence marks and shows its turns, a chosen
 * check selects its fact and shows the turn that says otherwise, a turn lists the sentences that cite it,
 * and the flags still open go with the save.
 */
export function useEvidenceReview({ call, draft, base, format }: { call: CallDetail; draft: string; base: string; format: "markdown" | "plain" }) {
  const names = useMemo(() => {
    const all = [call.agent?.name, call.counterpart.name, ...call.transcript.map((turn) => turn.speakerName)];
    return [...new Set(all.filter((name): name is string => Boolean(name)))];
  }, [call]);
  const raw = useEvidence({ turns: call.transcript, callDate: call.startedAt, names, text: draft, format });
  // A summary kept for more than this call (Bland's contact memory) tells of calls whose words are not in
  // this transcript: a fact missing here proves nothing, so only facts this call contradicts are flagged.
  const coversOtherCalls = call.target !== null && call.target.id !== call.ref.callId;
  const state = useMemo(
    () => (raw.status === "ready" && coversOtherCalls ? { ...raw, report: { ...raw.report, flags: raw.report.flags.filter((flag) => flag.reason === "contradicted") } } : raw),
    [raw, coversOtherCalls],
  );
  const report = state.status === "ready" ? state.report : null;
  const current = state.status === "ready" && state.text === draft;

  const [activeFlag, setActiveFlag] = useState<string | null>(null);
  const [marked, setMarked] = useState<ReadonlySet<number>>(new Set());
  const [scrollTo, setScrollTo] = useState<{ turn: number; seq: number } | null>(null);
  const caretSentence = useRef<number | null>(null);
  const jumpAt = useRef(0);
  const flagsRef = useRef<HTMLUListElement>(null);
  const [baseFlagKinds, setBaseFlagKinds] = useState<string[]>([]);

  const show = useCallback((turns: readonly number[], scroll = true) => {
    setMarked(new Set(turns));
    if (scroll && turns.length) setScrollTo((previous) => ({ turn: turns[0]!, seq: (previous?.seq ?? 0) + 1 }));
  }, []);

  // The AI's own flags, kept for the reasons a correction is suggested.
  useEffect(() => {
    if (state.status !== "ready" || state.text !== base) return;
    const kinds = [...new Set(state.report.flags.map((flag) => flag.kind))];
    const timer = setTimeout(() => setBaseFlagKinds(kinds), 0);
    return () => clearTimeout(timer);
  }, [state, base]);

  // Marks in the editor only for the text they were found in: offsets of an older text would land elsewhere.
  useEffect(() => {
    markFlags(current && report ? textLayer() : null, report?.flags ?? [], activeFlag);
  }, [report, current, activeFlag]);
  useEffect(() => () => markFlags(null, [], null), []);

  // The caret's sentence: its turns are marked, and shown when the caret moves to another sentence.
  useEffect(() => {
    if (!report) return;
    const onSelection = () => {
      const textarea = summaryTextarea();
      if (!textarea || document.activeElement !== textarea) return;
      const sentence = sentenceAt(report.sentences, textarea.selectionStart);
      if (sentence === caretSentence.current) return;
      caretSentence.current = sentence;
      jumpAt.current = 0;
      const turns = sentence === null ? [] : (report.links[sentence]?.turns.map((turn) => turn.index) ?? []);
      show(turns);
    };
    document.addEventListener("selectionchange", onSelection);
    return () => document.removeEventListener("selectionchange", onSelection);
  }, [report, show]);

  const citations = useMemo(() => {
    const byTurn = new Map<number, { sentence: number; text: string }[]>();
    for (const link of report?.links ?? []) {
      const sentence = report!.sentences[link.sentence];
      if (!sentence) continue;
      for (const turn of link.turns) byTurn.set(turn.index, [...(byTurn.get(turn.index) ?? []), { sentence: link.sentence, text: sentence.text }]);
    }
    return byTurn;
  }, [report]);

  const goToSentence = useCallback(
    (index: number) => {
      const sentence = report?.sentences[index];
      if (sentence) selectInSummary(sentence.start, sentence.end);
    },
    [report],
  );

  const transcriptEvidence: TranscriptEvidence | undefined = useMemo(
    () => (report ? { marked, scrollTo, citations, onGoToSentence: goToSentence } : undefined),
    [report, marked, scrollTo, citations, goToSentence],
  );

  const chooseFlag = useCallback(
    (flag: FactFlag) => {
      setActiveFlag(flag.id);
      selectInSummary(flag.start, flag.end);
      const linked = report?.links[flag.sentence]?.turns.map((turn) => turn.index) ?? [];
      show(flag.closest ? [flag.closest.turn, ...linked.filter((turn) => turn !== flag.closest!.turn)] : linked);
    },
    [report, show],
  );
  const chooseMissed = useCallback((item: MissedItem) => show([item.turn]), [show]);

  /** Alt+J: the next turn the caret's sentence comes from. */
  const nextLinkedTurn = useCallback(() => {
    const sentence = caretSentence.current;
    const turns = sentence === null ? [] : (report?.links[sentence]?.turns.map((turn) => turn.index) ?? []);
    if (!turns.length) return;
    const turn = turns[jumpAt.current % turns.length]!;
    jumpAt.current += 1;
    setMarked(new Set(turns));
    setScrollTo((previous) => ({ turn, seq: (previous?.seq ?? 0) + 1 }));
  }, [report]);

  /** Alt+F: to the list of unsupported facts. */
  const focusFlags = useCallback(() => flagsRef.current?.querySelector("button")?.focus(), []);

  const unresolvedFlags = current && report ? report.flags.map((flag) => ({ kind: flag.kind, reason: flag.reason, text: flag.text.slice(0, 200), message: flag.message.slice(0, 500), turn: flag.closest?.turn ?? null })) : undefined;

  return {
    state,
    coversOtherCalls,
    stale: state.status === "ready" && !current,
    activeFlag,
    chooseFlag,
    chooseMissed,
    transcriptEvidence,
    nextLinkedTurn,
    focusFlags,
    flagsRef,
    unresolvedFlags,
    baseFlagKinds,
  };
}
