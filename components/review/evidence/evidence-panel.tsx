"use client";

import { useRef, type KeyboardEvent } from "react";
import type { FactFlag, MissedItem } from "@/lib/review/evidence/evidence-types";
import type { EvidenceState } from "./use-evidence";

const kindNames: Record<MissedItem["kind"], string> = { commitment: "Commitment", price: "Price", date: "Date", next_step: "Next step" };

/** Up and Down walk the buttons of one list, as in a menu; Tab leaves it. */
function walkWithArrows(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[(at + (event.key === "ArrowDown" ? 1 : -1) + buttons.length) % buttons.length];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/**
 * What the evidence checks found in the summary as it stands: facts the call does not support, with the
 * closest thing it does say, and what the call says that the summary leaves out. Each entry takes the
 * reviewer to the text and to the turn.
 */
export function EvidencePanel({
  state,
  providerName,
  stale,
  activeFlag,
  onFlag,
  onMissed,
  flagsRef,
  coversOtherCalls,
}: {
  /** The summary tells of other calls too: only contradictions of this call are flagged. */
  coversOtherCalls: boolean;
  state: EvidenceState;
  providerName: string;
  /** The text changed since the last check: a newer one is on its way. */
  stale: boolean;
  activeFlag: string | null;
  onFlag: (flag: FactFlag) => void;
  onMissed: (item: MissedItem) => void;
  flagsRef: React.Ref<HTMLUListElement>;
}) {
  const missedRef = useRef<HTMLUListElement>(null);
  if (state.status === "off") {
    return (
      <section className="evidence-panel" aria-labelledby="evidence-title">
        <h3 id="evidence-title">Checks against the call</h3>
        <p className="muted">
          {state.why === "no_transcript"
            ? `There is no transcript of this call in ${providerName}, so the summary cannot be checked against it.`
            : "This browser cannot run the checks."}
        </p>
      </section>
    );
  }
  const report = state.status === "ready" ? state.report : null;
  const flags = report?.flags ?? [];
  const missed = report?.missed ?? [];
  const summaryLine =
    state.status === "failed"
      ? "The checks could not run on this summary."
      : !report
        ? "Checking the summary against the call…"
        : `${flags.length === 0 ? "Every checked fact is in the call" : flags.length === 1 ? "1 fact the call does not support" : `${flags.length} facts the call does not support`} · ${
            missed.length === 0 ? "nothing said in the call is left out" : missed.length === 1 ? "1 thing said in the call is not in the summary" : `${missed.length} things said in the call are not in the summary`
          }${stale ? " (checking your latest change…)" : ""}`;
  return (
    <section className="evidence-panel" aria-labelledby="evidence-title">
      <h3 id="evidence-title">Checks against the call</h3>
      <p role="status" className="muted">
        {summaryLine}
      </p>
      {coversOtherCalls ? (
        <p className="muted">This summary also tells of this contact&apos;s other calls, so only facts this call contradicts are flagged.</p>
      ) : null}
      {flags.length ? (
        <>
          <h4 id="flags-title">Not supported by the call (Alt+F)</h4>
          <ul className="evidence-list" aria-labelledby="flags-title" ref={flagsRef} onKeyDown={walkWithArrows}>
            {flags.map((flag) => (
              <li key={flag.id}>
                <button type="button" className={`evidence-item flag ${flag.reason}${flag.id === activeFlag ? " active" : ""}`} aria-current={flag.id === activeFlag ? "true" : undefined} onClick={() => onFlag(flag)}>
                  <strong>{flag.text}</strong> <span>{flag.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {missed.length ? (
        <>
          <h4 id="missed-title">In the call, not in the summary</h4>
          <ul className="evidence-list" aria-labelledby="missed-title" ref={missedRef} onKeyDown={walkWithArrows}>
            {missed.map((item) => (
              <li key={`${item.turn}:${item.start}`}>
                <button type="button" className="evidence-item missed" onClick={() => onMissed(item)}>
                  <strong>{kindNames[item.kind]}, turn {item.turn + 1}:</strong> <span>{item.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
