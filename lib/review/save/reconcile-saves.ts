import type { Database } from "@/lib/db/open-database";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import {
  completeRevision,
  journalState,
  landedOnTopOf,
  targetsWithUnresolvedRevisions,
  unresolvedRevisions,
  type SummaryKey,
} from "@/lib/db/queries/revisions";
import { withSummaryLock } from "@/lib/db/summary-lock";
import { logger } from "@/lib/logger";
import { isProviderError } from "@/lib/providers/provider-error";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { ProviderAdapter, SummaryTarget } from "@/lib/providers/types";
import { summaryLockKey } from "./save-summary";

export type ReconcileOptions = {
  /**
   * A `pending` row younger than this may belong to a save still running (waiting for the lock, reading,
   * writing): only older ones are decided. `unknown` rows are decided at any age.
   */
  staleAfterMs: number;
};

export type ReconcileResult = { applied: number; failed: number; skipped: boolean };

const notApplied =
  "The provider does not show this text: the save did not land (or was replaced before Redline could check). Nothing was sent again; use it as a draft to save it.";

/**
 * Decides every save of one target whose outcome is not known (a lost answer, a process that died mid-save)
 * by re-reading the target: applied if the provider shows that text, or a later save of ours started from
 * it; otherwise failed, and offered back as a draft. Runs under the target's lock, and only if it is free:
 * a save still holding it is alive and will decide its own row.
 */
export async function reconcileTarget(
  deps: { database: Database; adapter: ProviderAdapter },
  target: SummaryTarget,
  options: ReconcileOptions,
): Promise<ReconcileResult> {
  const { db, locks } = deps.database;
  const key: SummaryKey = { provider: target.provider, targetId: target.id };
  const staleBefore = () => new Date(Date.now() - options.staleAfterMs);
  if ((await unresolvedRevisions(db, key, staleBefore())).length === 0) return { applied: 0, failed: 0, skipped: false };

  const outcome = await withSummaryLock(locks, summaryLockKey(key), 0, async () => {
    // Read again under the lock: a save that finished meanwhile decided its own row.
    const rows = await unresolvedRevisions(db, key, staleBefore());
    if (rows.length === 0) return { applied: 0, failed: 0, skipped: false };
    const snapshot = await deps.adapter.getSummary(target);
    let { nextRevision } = await journalState(db, key);
    const result: ReconcileResult = { applied: 0, failed: 0, skipped: false };
    for (const row of rows) {
      const landed = snapshot.content === row.content || (await landedOnTopOf(db, key, row.id, row.content));
      if (landed && row.kind !== "approve" && deps.adapter.capabilities.write !== "none") {
        await completeRevision(db, row.id, { status: "applied", revision: nextRevision++, errorCode: null, errorMessage: null });
        if (row.authorId) {
          await recordReviewDecision(db, { provider: row.provider, targetId: row.targetId, callId: row.callId, status: "corrected", userId: row.authorId });
        }
        result.applied += 1;
      } else {
        // An approval or a read-only correction that never finished was never confirmed to its author: it is
        // offered back rather than taken as done.
        await completeRevision(db, row.id, { status: "failed", errorCode: row.errorCode ?? "NOT_APPLIED", errorMessage: notApplied });
        result.failed += 1;
      }
    }
    return result;
  });
  return outcome.acquired ? outcome.value : { applied: 0, failed: 0, skipped: true };
}

/**
 * The periodic sweep: every target with an undecided save, oldest first, a batch at a time. A provider that
 * fails to answer leaves its rows for the next sweep.
 */
export async function sweepUnresolvedSaves(
  database: Database,
  adapterFor: (provider: ProviderId) => ProviderAdapter | null,
  options: ReconcileOptions & { batch?: number },
): Promise<ReconcileResult> {
  const total: ReconcileResult = { applied: 0, failed: 0, skipped: false };
  const targets = await targetsWithUnresolvedRevisions(database.db, new Date(Date.now() - options.staleAfterMs), options.batch ?? 100);
  for (const { provider, targetId, templateKey } of targets) {
    const adapter = adapterFor(provider as ProviderId);
    if (!adapter) continue;
    try {
      const result = await reconcileTarget({ database, adapter }, { provider: adapter.id, id: targetId, templateKey }, options);
      total.applied += result.applied;
      total.failed += result.failed;
      total.skipped ||= result.skipped;
    } catch (error) {
      if (!isProviderError(error)) throw error;
      total.skipped = true;
      logger.warn({ provider, targetId, code: error.code }, "could not re-read a summary to reconcile its saves; will try again");
    }
  }
  return total;
}
