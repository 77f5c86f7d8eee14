import type { Database } from "@/lib/db/open-database";
import { syncStates } from "@/lib/db/queries/sync-state";
import type { SyncState } from "@/lib/db/schema";
import type { ProviderAdapter } from "@/lib/providers/types";
import { logger } from "@/lib/logger";
import { recheckSummaries } from "./summary-readiness";
import { syncCalls, type SyncOutcome } from "./sync-calls";

function logRecheckFailure(error: unknown): void {
  logger.error({ err: error }, "looking again at summaries still coming failed; the sweep will");
}

const globalForSync = globalThis as unknown as { redlineSyncs?: Map<string, Promise<SyncOutcome>> };

/**
 * Starts a sync pass for each provider that is not already syncing in this process and returns at
 * once; the database lease keeps other instances from running the same pass.
 */
export function startBackgroundSync(database: Database, adapters: ProviderAdapter[]): void {
  const running = (globalForSync.redlineSyncs ??= new Map());
  for (const adapter of adapters) {
    if (running.has(adapter.id)) continue;
    const pass = syncCalls({ database, adapter })
      .then(async (outcome) => {
        // The calls a pass just listed may be ones whose summary is still coming: look at them now.
        if (outcome.status === "completed") await recheckSummaries({ database, adapters: [adapter] }).catch(logRecheckFailure);
        return outcome;
      })
      .finally(() => running.delete(adapter.id));
    running.set(adapter.id, pass);
  }
}

/**
 * Starts a first pass for every provider that has never completed one, so a new install fills its
 * queue by itself. Returns the states as they were and the providers whose pass was just started.
 */
export async function ensureQueueSynced(
  database: Database,
  adapters: ProviderAdapter[],
): Promise<{ states: SyncState[]; starting: string[] }> {
  const states = await syncStates(database.db);
  const neverSynced = adapters.filter(
    (adapter) => !states.some((state) => state.provider === adapter.id && (state.highWaterMark || state.status === "running")),
  );
  if (neverSynced.length) startBackgroundSync(database, neverSynced);
  return { states, starting: neverSynced.map((adapter) => adapter.id) };
}
