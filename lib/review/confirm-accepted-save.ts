import type { Database } from "@/lib/db/open-database";
import { completeRevision, findRevision, latestLandedRevision } from "@/lib/db/queries/revisions";
import { ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { ProviderAdapter } from "@/lib/providers/types";
import { toSummaryMeta, type SummaryMeta } from "./summary-meta";

export type ConfirmResult =
  | { ok: true; state: "applied"; meta: SummaryMeta }
  | { ok: true; state: "waiting"; acceptedAt: string }
  /** The provider shows another text than the one it accepted: someone wrote after us, or it dropped ours. */
  | { ok: true; state: "superseded"; currentContent: string | null }
  | { ok: false; error: ProviderErrorDetails | { code: "not_found"; message: string } };

/**
 * Re-reads a summary whose write the provider accepted (Twilio answers 202 and applies later) and
 * marks the journal row applied once the provider shows the text.
 */
export async function confirmAcceptedSave(
  deps: { database: Database; adapter: ProviderAdapter },
  journalId: number,
): Promise<ConfirmResult> {
  const { db } = deps.database;
  const row = await findRevision(db, journalId);
  if (!row || row.provider !== deps.adapter.id) return { ok: false, error: { code: "not_found", message: "No such save." } };
  const key = { provider: row.provider, callId: row.callId };
  if (row.status === "applied") return { ok: true, state: "applied", meta: toSummaryMeta((await latestLandedRevision(db, key))!) };
  let snapshot;
  try {
    snapshot = (await deps.adapter.getCall(row.callId)).summary;
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error: error.toJSON() };
    throw error;
  }
  if (snapshot.content === row.content) {
    await completeRevision(db, row.id, {
      status: "applied",
      providerUpdatedAt: snapshot.updatedAt ? new Date(snapshot.updatedAt) : null,
      providerVersion: snapshot.version,
    });
    return { ok: true, state: "applied", meta: toSummaryMeta((await latestLandedRevision(db, key))!) };
  }
  const acceptedAt = (row.completedAt ?? row.createdAt).toISOString();
  // Until the provider applies it, the old text is expected; a third text means another write came after.
  if (snapshot.content !== row.baseContent) return { ok: true, state: "superseded", currentContent: snapshot.content };
  return { ok: true, state: "waiting", acceptedAt };
}
