import type { Database } from "@/lib/db/open-database";
import { analyzeCalls, upsertCalls } from "@/lib/db/queries/calls";
import { claimSync, updateSync } from "@/lib/db/queries/sync-state";
import type { NewCallRow } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { isProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { CallListItem, ProviderAdapter } from "@/lib/providers/types";
import { withKnownNames } from "./known-names";
import { resolveCallNames } from "./resolve-call-names";

export type SyncOptions = {
  pageSize?: number;
  /** How long a pass may go without a heartbeat before another process may take it over. */
  leaseMs?: number;
};

export type SyncOutcome =
  | { status: "completed"; provider: string; processed: number }
  | { status: "busy"; provider: string }
  | { status: "failed"; provider: string; processed: number; error: ProviderErrorDetails };

// Calls can be listed a little after they start (a long call is listed when it ends), so an
// incremental pass reads this far past the newest call the previous pass saw before it stops.
const overlapMs = 6 * 60 * 60 * 1000;

export function toCallRow(item: CallListItem, syncedAt: Date): NewCallRow {
  const searchText = [item.agent?.name, item.counterpart.name, item.counterpart.number, item.ref.callId]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return {
    provider: item.ref.provider,
    callId: item.ref.callId,
    startedAt: new Date(item.startedAt),
    durationSec: item.durationSec,
    direction: item.direction,
    agentId: item.agent?.id ?? null,
    agentName: item.agent?.name ?? null,
    counterpartName: item.counterpart.name,
    counterpartNumber: item.counterpart.number,
    counterpartId: item.counterpart.id ?? null,
    summaryStatus: item.summaryStatus,
    targetId: item.targetId,
    searchText,
    summaryText: item.summaryText?.toLowerCase() ?? null,
    lastSyncedAt: syncedAt,
  };
}

/**
 * Copies a provider's call list into the queue index, newest first, one page per step.
 * Each step commits its calls and the next page number together with a heartbeat, so a pass cut
 * short by a crash or a provider failure resumes where it stopped. Newest-first paging can only
 * shift calls onto later pages while it runs, so a call may be read twice but is never skipped.
 * A pass ends at the last page, or once it reaches calls the previous completed pass already saw.
 */
export async function syncCalls(
  deps: { database: Database; adapter: ProviderAdapter },
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const { db } = deps.database;
  const provider = deps.adapter.id;
  const pageSize = options.pageSize ?? 100;
  const state = await claimSync(db, provider, options.leaseMs ?? 60_000);
  if (!state) return { status: "busy", provider };

  let page = state.nextPage;
  let processed = state.processed;
  let passHighWaterMark = state.passHighWaterMark;
  const stopBefore = state.highWaterMark ? new Date(state.highWaterMark.getTime() - overlapMs) : null;
  try {
    for (;;) {
      const result = await deps.adapter.listCalls({ page, size: pageSize });
      const now = new Date();
      // The names a provider's list leaves out, as Redline keeps them: a call listed again keeps its names.
      const items = await withKnownNames(db, provider, result.items);
      const rows = items.map((item) => toCallRow(item, now));
      await upsertCalls(db, rows);
      processed += rows.length;
      for (const row of rows) {
        if (!passHighWaterMark || row.startedAt > passHighWaterMark) passHighWaterMark = row.startedAt;
      }
      const oldest = rows.at(-1)?.startedAt;
      const reachedKnown = stopBefore !== null && oldest !== undefined && oldest < stopBefore;
      const done = !result.hasMore || rows.length === 0 || reachedKnown;
      page += 1;
      await updateSync(db, provider, {
        nextPage: page,
        processed,
        total: result.totalCount,
        passHighWaterMark,
        heartbeatAt: now,
        ...(done
          ? { status: "completed", highWaterMark: passHighWaterMark ?? state.highWaterMark, finishedAt: now, nextPage: 1 }
          : {}),
      });
      if (done) {
        await resolveCallNames(deps);
        await analyzeCalls(db);
        return { status: "completed", provider, processed };
      }
    }
  } catch (error) {
    const details: ProviderErrorDetails =
      isProviderError(error)
        ? error.toJSON()
        : {
            provider,
            status: null,
            code: "INTERNAL",
            kind: "unavailable",
            message: "The sync stopped on an unexpected error.",
            retryable: true,
            retryAfterSec: null,
            requestId: null,
          };
    if (!isProviderError(error)) logger.error({ err: error, provider }, "sync failed unexpectedly");
    await updateSync(db, provider, { status: "failed", errorCode: details.code, errorMessage: details.message, heartbeatAt: new Date() });
    return { status: "failed", provider, processed, error: details };
  }
}
