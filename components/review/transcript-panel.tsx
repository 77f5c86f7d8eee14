"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Availability, TranscriptTurn } from "@/lib/providers/types";

function offset(from: string, at: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(from)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `+${h}:${String(m).padStart(2, "0")}:${s}` : `+${String(m).padStart(2, "0")}:${s}`;
}

function highlight(text: string, query: string): ReactNode {
  if (!query) return text;
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, at + query.length)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + query.length)}</mark>);
    from = at + query.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * The call's dialogue: speaker, offset from the call start, text. Only the turns in view are in the
 * page, so a 3,000-turn transcript opens as fast as a short one; search finds and highlights turns.
 */
/** Why a call shows no turns, in words: coming, absent, withheld by the plan, or not in this provider's API. */
function noTranscript(status: Availability, providerName: string): string {
  switch (status) {
    case "in_progress":
      return `${providerName} is still transcribing this call; the transcript shows here once it is ready.`;
    case "not_in_plan":
      return `${providerName}'s plan for this workspace does not include transcripts.`;
    case "not_provided_by_this_api":
      return `${providerName}'s API has no transcripts: review the summary on its own.`;
    case "failed":
      return `${providerName} could not transcribe this call.`;
    default:
      return `${providerName} has no transcript for this call.`;
  }
}

/** What the evidence checks tie to the turns: which to mark, which to scroll to, and which sentences cite each. */
export type TranscriptEvidence = {
  /** The turns the sentence at the caret (or the chosen check) comes from. */
  marked: ReadonlySet<number>;
  scrollTo: { turn: number; seq: number } | null;
  /** For each cited turn, the summary sentences that cite it (their text, to list). */
  citations: ReadonlyMap<number, readonly { sentence: number; text: string }[]>;
  onGoToSentence: (sentence: number) => void;
};

/** Memoised: the transcript does not change while the reviewer edits the summary beside it. */
export const TranscriptPanel = memo(function TranscriptPanel({
  turns,
  startedAt,
  status,
  providerName,
  evidence,
}: {
  turns: TranscriptTurn[];
  startedAt: string;
  status: Availability;
  providerName: string;
  evidence?: TranscriptEvidence;
}) {
  const [openCitations, setOpenCitations] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toLowerCase());
  const [current, setCurrent] = useState(0);
  const matches = useMemo(
    () => (query ? turns.flatMap((turn, index) => (turn.text.toLowerCase().includes(query) ? [index] : [])) : []),
    [turns, query],
  );
  const virtualizer = useVirtualizer({
    count: turns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 8,
  });
  const listRef = useRef<HTMLOListElement>(null);
  const totalSize = virtualizer.getTotalSize();
  // Set from the browser rather than as a style attribute: the content security policy refuses style attributes
  // in server-rendered HTML, and the list has no rows before the page hydrates anyway.
  useLayoutEffect(() => {
    if (listRef.current) listRef.current.style.height = `${totalSize}px`;
  }, [totalSize, turns.length]);

  const scrollRequest = evidence?.scrollTo;
  useEffect(() => {
    if (scrollRequest) virtualizer.scrollToIndex(scrollRequest.turn, { align: "center" });
  }, [scrollRequest, virtualizer]);

  const goTo = (position: number) => {
    if (matches.length === 0) return;
    const next = (position + matches.length) % matches.length;
    setCurrent(next);
    virtualizer.scrollToIndex(matches[next]!, { align: "center" });
  };
  const activeTurn = matches.length ? matches[Math.min(current, matches.length - 1)] : undefined;

  return (
    <section className="transcript" aria-labelledby="transcript-title">
      <div className="transcript-head">
        <h2 id="transcript-title">Transcript</h2>
        <span className="muted">{turns.length.toLocaleString("en-US")} turns</span>
      </div>
      {turns.length === 0 ? (
        <p className="muted">{noTranscript(status, providerName)}</p>
      ) : (
        <>
          <div className="transcript-search">
            <input
              type="search"
              aria-label="Search transcript"
              placeholder="Search transcript"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setCurrent(0);
              }}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  goTo(current + (event.shiftKey ? -1 : 1));
                }
              }}
            />
            <span role="status" className="muted">
              {query ? (matches.length ? `${Math.min(current, matches.length - 1) + 1} of ${matches.length} turns` : "No turn matches") : ""}
            </span>
            <button type="button" className="button ghost" disabled={matches.length === 0} onClick={() => goTo(current - 1)}>
              Previous match
            </button>
            <button type="button" className="button ghost" disabled={matches.length === 0} onClick={() => goTo(current + 1)}>
              Next match
            </button>
          </div>
          {/* A region, so its name is allowed (ARIA forbids naming a bare div) and keyboard users know what they scroll. */}
          <div ref={scrollRef} className="turns-scroll" role="region" tabIndex={0} aria-label="Transcript turns">
            <ol ref={listRef} className="turns">
              {virtualizer.getVirtualItems().map((item) => {
                const turn = turns[item.index]!;
                const citing = evidence?.citations.get(item.index);
                const marked = evidence?.marked.has(item.index);
                return (
                  <li
                    key={item.key}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    aria-setsize={turns.length}
                    aria-posinset={item.index + 1}
                    className="turn-row"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <div className={`turn ${turn.speaker}${item.index === activeTurn ? " active-match" : ""}${marked ? " evidence-marked" : ""}`} aria-current={marked ? "true" : undefined}>
                      <div className="turn-head">
                        <span className="speaker">
                          {turn.speakerName ?? (turn.speaker === "agent" ? "Agent" : "Customer")}
                          <span className="visually-hidden">, turn {item.index + 1}</span>
                        </span>
                        {citing ? (
                          <button
                            type="button"
                            className="button ghost citations-toggle"
                            aria-expanded={openCitations === item.index}
                            onClick={() => setOpenCitations((open) => (open === item.index ? null : item.index))}
                          >
                            Cited by {citing.length === 1 ? "1 sentence" : `${citing.length} sentences`}
                            <span className="visually-hidden"> (turn {item.index + 1})</span>
                          </button>
                        ) : null}
                        <time dateTime={turn.at} className="muted">
                          {offset(startedAt, turn.at)}
                        </time>
                      </div>
                      <p>{highlight(turn.text, query)}</p>
                      {citing && openCitations === item.index ? (
                        <ul className="citations" aria-label={`Sentences citing turn ${item.index + 1}`}>
                          {citing.map((cite) => (
                            <li key={cite.sentence}>
                              <button type="button" className="button ghost" onClick={() => evidence?.onGoToSentence(cite.sentence)}>
                                {cite.text.length > 140 ? `${cite.text.slice(0, 140)}…` : cite.text}
                              </button>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ol>
          </div>
        </>
      )}
    </section>
  );
});
