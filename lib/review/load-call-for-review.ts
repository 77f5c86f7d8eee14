import type { Database } from "@/lib/db/open-database";
import { lastTemplateKey, latestLandedRevision } from "@/lib/db/queries/revisions";
import { ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { Capabilities, CallDetail, ProviderAdapter } from "@/lib/providers/types";
import { currentSummaryText } from "./current-summary";
import { observeSummary } from "./observe-summary";
import { toSummaryMeta, type SummaryMeta } from "./summary-meta";

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
};

export type LoadCallResult = { ok: true; review: CallForReview } | { ok: false; error: ProviderErrorDetails };

export async function loadCallForReview(
  deps: { database: Database; adapter: ProviderAdapter },
  callId: string,
): Promise<LoadCallResult> {
  const { database, adapter } = deps;
  const { db } = database;
  const key = { provider: adapter.id, callId };
  let call: CallDetail;
  try {
    call = await adapter.getCall(callId);
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error: error.toJSON() };
    throw error;
  }
  await observeSummary(db, key, adapter.capabilities, call.summary);
  const [landed, templateKey, content] = await Promise.all([
    latestLandedRevision(db, key),
    lastTemplateKey(db, key),
    currentSummaryText(db, key, adapter.capabilities, call),
  ]);
  const awaiting = landed?.status === "accepted" && call.summary.content !== landed.content ? landed.id : null;
  return {
    ok: true,
    review: {
      call,
      capabilities: adapter.capabilities,
      content: awaiting ? landed!.content : content,
      meta: landed ? toSummaryMeta(landed) : null,
      templateKey,
      awaitingJournalId: awaiting,
    },
  };
}
