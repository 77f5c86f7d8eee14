"use client";

import { correctionReasons } from "@/lib/review/insights/correction-reasons";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { CallRef } from "@/lib/providers/types";
import type { HistoryEntry } from "@/lib/review/history/history-entry";
import { reviewQueries } from "./review-queries";
import { TextDiff } from "./text-diff";

const reasonLabels = new Map<string, string>(correctionReasons.map((reason) => [reason.key, reason.label]));

const kindLabels: Record<HistoryEntry["kind"], string> = {
  original: "AI original",
  outside: "Changed outside Redline",
  edit: "Edit",
  merge: "Merged save",
  overwrite: "Overwrite",
  restore: "Restore",
  approve: "Approved unchanged",
};

function outcome(entry: HistoryEntry): string {
  switch (entry.status) {
    case "applied":
      return entry.kind === "approve" ? "approved" : "applied";
    case "accepted":
      return "accepted, not yet applied";
    case "conflict":
      return entry.kind === "approve" ? "not approved: the summary had changed" : "not saved: conflict";
    case "failed":
      return `not saved: ${entry.errorCode ?? "failed"}`;
    case "pending":
      return "saving…";
    case "unknown":
      return "outcome unknown: Redline is checking with the provider";
    case "template_asked":
      return "not sent: the template it replaces was asked for";
    default:
      return "seen at the provider";
  }
}

/** Anything that did not land is offered back; approvals carry no text of their own to restore. */
const notApplied = (entry: HistoryEntry) => ["failed", "conflict", "pending", "unknown", "template_asked"].includes(entry.status);

/** Every revision of the summary, a diff between any two, and restore or retry of an earlier text. */
export function HistoryDialog({
  callRef,
  open,
  onClose,
  canEdit,
  canExport,
  onRestore,
  onUseAsDraft,
}: {
  callRef: CallRef;
  open: boolean;
  onClose: () => void;
  canEdit: boolean;
  /** Leads and admins may download the whole journal of the call. */
  canExport: boolean;
  onRestore: (entry: HistoryEntry) => void;
  onUseAsDraft: (entry: HistoryEntry) => void;
}) {
  const history = useQuery({ ...reviewQueries.history(callRef), enabled: open });
  const [fromId, setFromId] = useState<number | null>(null);
  const [toId, setToId] = useState<number | null>(null);
  const entries = history.data ?? [];
  const from = entries.find((entry) => entry.id === fromId) ?? entries.at(-2) ?? null;
  const to = entries.find((entry) => entry.id === toId) ?? entries.at(-1) ?? null;

  return (
    <ModalDialog title="Summary history" open={open} onClose={onClose} wide>
      {history.isPending ? <p role="status">Loading history…</p> : null}
      {history.error ? <p role="alert">{history.error.message}</p> : null}
      {entries.length > 0 ? (
        <>
          <table className="history-table">
            <caption>Every text this summary has had, oldest first. Pick two to compare.</caption>
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col">When</th>
                <th scope="col">Provider version</th>
                <th scope="col">Compare</th>
                {canEdit ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => {
                const label = `${kindLabels[entry.kind]} ${index + 1}`;
                return (
                  <tr key={entry.id}>
                    <td>{entry.revision ?? "—"}</td>
                    <td>
                      {kindLabels[entry.kind]} <span className="muted">· {outcome(entry)}</span>
                      {entry.errorMessage && (entry.status === "failed" || entry.status === "unknown") ? (
                        <div className="muted">{entry.errorMessage}</div>
                      ) : null}
                      {entry.reasons.length ? (
                        <div className="muted">Why: {entry.reasons.map((reason) => reasonLabels.get(reason) ?? reason).join(", ")}</div>
                      ) : null}
                      {entry.unresolvedFlags ? (
                        <div className="muted">
                          Saved with {entry.unresolvedFlags === 1 ? "1 fact" : `${entry.unresolvedFlags} facts`} the transcript did not support
                        </div>
                      ) : null}
                    </td>
                    <td>{entry.author ?? entry.providerUpdatedBy ?? "—"}</td>
                    <td>
                      <LocalTime iso={entry.at} />
                    </td>
                    <td>{entry.providerVersion != null ? `v${entry.providerVersion}` : "—"}</td>
                    <td className="compare-picks">
                      <label>
                        <input type="radio" name="history-from" checked={from?.id === entry.id} onChange={() => setFromId(entry.id)} />
                        <span className="visually-hidden">Compare from {label}</span> from
                      </label>
                      <label>
                        <input type="radio" name="history-to" checked={to?.id === entry.id} onChange={() => setToId(entry.id)} />
                        <span className="visually-hidden">Compare to {label}</span> to
                      </label>
                    </td>
                    {canEdit ? (
                      <td>
                        {entry.kind === "approve" ? null : notApplied(entry) ? (
                          <button type="button" className="button" onClick={() => onUseAsDraft(entry)} aria-label={`Use ${label} as my draft`}>
                            Use as draft
                          </button>
                        ) : (
                          <button type="button" className="button" onClick={() => onRestore(entry)} aria-label={`Restore ${label}`}>
                            Restore
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {from && to ? (
            <TextDiff
              before={from.content}
              after={to.content}
              beforeLabel={`${kindLabels[from.kind]} (${from.author ?? from.providerUpdatedBy ?? "provider"})`}
              afterLabel={`${kindLabels[to.kind]} (${to.author ?? to.providerUpdatedBy ?? "provider"})`}
            />
          ) : null}
        </>
      ) : history.isSuccess ? (
        <p>No revisions yet.</p>
      ) : null}
      <div className="actions">
        {canExport ? (
          <a className="button" href={`/api/exports/calls/${callRef.provider}/${encodeURIComponent(callRef.callId)}/history.json`} download>
            Download history (JSON)
          </a>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
