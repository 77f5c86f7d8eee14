import type { Database } from "@/lib/db/open-database";
import { recordSummaryState } from "@/lib/db/queries/calls";
import { callsSharingTarget, recordCallTarget } from "@/lib/db/queries/reviews";
import { journalState, lastTemplateKey, latestLandedRevision, latestOutsideChange, type SummaryKey } from "@/lib/db/queries/revisions";
import { isProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { Capabilities, CallDetail, ProviderAdapter } from "@/lib/providers/types";
import { currentSummary } from "../save/current-summary";
import { observeSummary } from "../save/observe-summary";
import { reconcileTarget, type ReconcileOptions } from "../save/reconcile-saves";
import { outsideChangeMeta, toSummaryMeta, type SummaryMeta } from "../save/summary-meta";
import { nameCall } from "./name-call";

export type CallForReview = {
  call: CallDetail;
  capabilities: Capabilities;
  /** The text the reviewer edits: the provider's, or for a read-only provider Redline's latest correction. */
  content: string | null;
  /** The last save Redline saw; null when the summary is as the provider generated it. */
  meta: SummaryMeta | null;
  /** The template the last save went to, so the reviewer is not asked again. */
  templateKey: string | null;
  /** A save the provider accepted but has not been seen to apply yet. */
  awaitingJournalId: number | null;
  /** Where the summary belongs to several calls: what it is, and how many calls in the queue are known to share it. */
  shared: { label: string; calls: number } | null;
};

export type LoadCallResult = { ok: true; review: CallForReview } | { ok: false; error: ProviderErrorDetails };

/**
 * Reads a call for review. Saves of its summary whose outcome is not known yet are decided first (a lost
 * answer, an instance that died mid-save), so the page never shows one of them as the AI original.
 */
export async function loadCallForReview(
  deps: { database: Database; adapter: ProviderAdapter },
  callId: string,
  options: ReconcileOptions,
): Promise<LoadCallResult> {
  const { database, adapter } = deps;
  const { db } = database;
  let call: CallDetail;
  try {
    call = await adapter.getCall(callId);
  } catch (error) {
    if (isProviderError(error)) return { ok: false, error: error.toJSON() };
    throw error;
  }
  // Names the provider's read leaves out come from what the sync kept: the page never waits on a directory.
  call = await nameCall(db, call);
  // A provider that fails this re-read leaves the rows to the periodic sweep; the call still opens.
  if (call.target) await reconcileTarget(deps, call.target, options).catch(rethrowUnlessProviderError);
  const review: CallForReview = {
    call,
    capabilities: adapter.capabilities,
    content: call.summary.content,
    meta: null,
    templateKey: null,
    awaitingJournalId: null,
    shared: null,
  };
  if (!call.target) {
    await recordSummaryState(db, { provider: adapter.id, callId, targetId: null }, { text: null, status: call.summaryStatus, transcriptStatus: call.transcriptStatus });
    return { ok: true, review };
  }

  const key: SummaryKey = { provider: adapter.id, targetId: call.target.id };
  await recordCallTarget(db, call.ref, key.targetId);
  const { recent } = await journalState(db, key);
  const current = currentSummary(adapter.capabilities, call.summary, recent);
  await Promise.all([
    observeSummary(db, { key, callId, capabilities: adapter.capabilities, snapshot: call.summary, recent, current }),
    // What the reviewer reads is what the queue's search finds and what decides whether next offers the call.
    recordSummaryState(
      db,
      { provider: adapter.id, callId, targetId: key.targetId },
      {
        text: current.content,
        status: current.content === null ? call.summaryStatus : "ready",
        transcriptStatus: call.transcriptStatus,
      },
    ),
  ]);
  const [landed, outside, templateKey, sharing] = await Promise.all([
    latestLandedRevision(db, key),
    latestOutsideChange(db, key),
    lastTemplateKey(db, key),
    call.sharedTarget ? callsSharingTarget(db, adapter.id, key.targetId) : Promise.resolve(0),
  ]);
  const newestAccepted = current.accepted.at(-1);
  return {
    ok: true,
    review: {
      ...review,
      content: current.content,
      meta: describeShownText(current.content, landed, outside),
      templateKey,
      awaitingJournalId: newestAccepted && !current.shown ? newestAccepted.id : null,
      shared: call.sharedTarget ? { label: call.sharedTarget, calls: Math.max(sharing, 1) } : null,
    },
  };
}

function rethrowUnlessProviderError(error: unknown): void {
  if (!isProviderError(error)) throw error;
}

/** The metadata bar describes the text shown: Redline's last save, or a change made outside Redline since. */
function describeShownText(
  shown: string | null,
  landed: Awaited<ReturnType<typeof latestLandedRevision>>,
  outside: Awaited<ReturnType<typeof latestOutsideChange>>,
): SummaryMeta | null {
  if (outside && outside.content === shown && (!landed || outside.id > landed.id)) return outsideChangeMeta(landed?.revision ?? 0, outside);
  return landed ? toSummaryMeta(landed) : null;
}
