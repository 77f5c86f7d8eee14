import type { Database } from "@/lib/db/open-database";
import { lastTemplateKey, latestLandedRevision } from "@/lib/db/queries/revisions";
import { ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { Capabilities, CallDetail, ProviderAdapter } from "@/lib/providers/types";
import { toSummaryMeta, type SummaryMeta } from "./summary-meta";

export type CallForReview = {
  call: CallDetail;
  capabilities: Capabilities;
  /** The last save Redline saw; null when the summary is as the provider generated it. */
  meta: SummaryMeta | null;
  /** The template the last save went to, so the reviewer is not asked again. */
  templateKey: string | null;
};

export type LoadCallResult = { ok: true; review: CallForReview } | { ok: false; error: ProviderErrorDetails };

export async function loadCallForReview(
  deps: { database: Database; adapter: ProviderAdapter },
  callId: string,
): Promise<LoadCallResult> {
  const { database, adapter } = deps;
  const key = { provider: adapter.id, callId };
  try {
    const [call, landed, templateKey] = await Promise.all([
      adapter.getCall(callId),
      latestLandedRevision(database.db, key),
      lastTemplateKey(database.db, key),
    ]);
    return {
      ok: true,
      review: { call, capabilities: adapter.capabilities, meta: landed ? toSummaryMeta(landed) : null, templateKey },
    };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
