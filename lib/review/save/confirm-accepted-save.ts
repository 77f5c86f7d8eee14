import type { Database } from "@/lib/db/open-database";
import { completeRevision, findRevision, journalState, latestLandedRevision } from "@/lib/db/queries/revisions";
import { isProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { ProviderAdapter } from "@/lib/providers/types";
import { currentSummary } from "./current-summary";
import { toSummaryMeta, type SummaryMeta } from "./summary-meta";

export type ConfirmResult =
  | { ok: true; state: "applied"; meta: SummaryMeta }
  | { ok: true; state: "waiting"; acceptedAt: string }
  /** The provider shows another text than the one it accepted: someone wrote after us, or it dropped ours. */
  | { ok: true; state: "superseded"; currentContent: string | null }
  | { ok: false; error: ProviderErrorDetails | { code: "not_found"; message: string } };

/**
 * Re-reads a summary whose write the provider accepted (Twilio answers 202 and applies later) and marks the
 * journal rows applied once the provider shows the text. While it still shows a step of our own chain of
 * accepted writes, the save is waiting, not overtaken.
 */
export async function confirmAcceptedSave(
  deps: { database: Database; adapter: ProviderAdapter },
  journalId: number,
): Promise<ConfirmResult> {
  const { db } = deps.database;
  const row = await findRevision(db, journalId);
  if (!row || row.provider !== deps.adapter.id) return { ok: false, error: { code: "not_found", message: "No such save." } };
  const key = { provider: row.provider, targetId: row.targetId };
  const appliedMeta = async () => toSummaryMeta((await latestLandedRevision(db, key))!);
  if (row.status === "applied") return { ok: true, state: "applied", meta: await appliedMeta() };
  if (row.status !== "accepted") return { ok: false, error: { code: "not_found", message: "This save was not accepted by the provider." } };
  let snapshot;
  try {
    snapshot = await deps.adapter.getSummary({ provider: deps.adapter.id, id: row.targetId, templateKey: row.templateKey });
  } catch (error) {
    if (isProviderError(error)) return { ok: false, error: error.toJSON() };
    throw error;
  }
  const current = currentSummary(deps.adapter.capabilities, snapshot, (await journalState(db, key)).recent);
  const mine = current.accepted.findIndex((accepted) => accepted.id === row.id);
  if (mine === -1) return { ok: true, state: "superseded", currentContent: snapshot.content };
  const shownUpTo = current.accepted.findIndex((accepted) => accepted.content === snapshot.content);
  if (shownUpTo < mine) return { ok: true, state: "waiting", acceptedAt: (row.completedAt ?? row.createdAt).toISOString() };
  // The provider shows this write or a later one of ours: it and every earlier write of the chain landed, in order.
  const providerUpdatedAt = snapshot.updatedAt ? new Date(snapshot.updatedAt) : null;
  for (const accepted of current.accepted.slice(0, shownUpTo + 1)) {
    await completeRevision(db, accepted.id, { status: "applied", providerUpdatedAt, providerVersion: snapshot.version });
  }
  return { ok: true, state: "applied", meta: await appliedMeta() };
}
