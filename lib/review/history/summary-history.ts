import type { Database } from "@/lib/db/open-database";
import { summaryHistory } from "@/lib/db/queries/revisions";
import { isProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { ProviderAdapter } from "@/lib/providers/types";
import { toHistoryEntry, type HistoryEntry } from "./history-entry";
import { reconcileTarget, type ReconcileOptions } from "../save/reconcile-saves";

export type SummaryHistoryResult = { ok: true; entries: HistoryEntry[] } | { ok: false; error: ProviderErrorDetails };

/**
 * Every text the call's summary target has had, oldest first. Saves whose outcome is not known yet are
 * decided first where the provider answers, so history says plainly what landed.
 */
export async function loadSummaryHistory(
  deps: { database: Database; adapter: ProviderAdapter },
  callId: string,
  options: ReconcileOptions,
): Promise<SummaryHistoryResult> {
  try {
    const target = await deps.adapter.summaryTarget(callId, null);
    await reconcileTarget(deps, target, options).catch((error: unknown) => {
      // The provider failing this re-read leaves the rows to the periodic sweep; history still shows them.
      if (!isProviderError(error)) throw error;
    });
    const rows = await summaryHistory(deps.database.db, { provider: deps.adapter.id, targetId: target.id });
    return { ok: true, entries: rows.map(toHistoryEntry) };
  } catch (error) {
    if (isProviderError(error)) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
