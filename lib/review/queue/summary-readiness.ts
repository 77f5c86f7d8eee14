import type { Database } from "@/lib/db/open-database";
import { recordSummaryState, takeDueSummaryChecks, type SummaryState } from "@/lib/db/queries/calls";
import { recordCallTarget } from "@/lib/db/queries/reviews";
import { logger } from "@/lib/logger";
import { isProviderError } from "@/lib/providers/provider-error";
import type { ProviderAdapter } from "@/lib/providers/types";

/**
 * Reads where one call's summary stands at its provider and records it in the queue index: its status, and
 * its text for the search. The light read (the summary alone), never the transcript.
 */
export async function checkSummaryReadiness(deps: { database: Database; adapter: ProviderAdapter }, callId: string): Promise<SummaryState> {
  const { database, adapter } = deps;
  let state: SummaryState;
  let targetId: string | null = null;
  try {
    const target = await adapter.summaryTarget(callId, null);
    targetId = target.id;
    const snapshot = await adapter.getSummary(target);
    // No text is no summary, whatever a status says; a provider that gives no status leaves "absent".
    const missing = snapshot.status && snapshot.status !== "ready" ? snapshot.status : "absent";
    state = { text: snapshot.content, status: snapshot.content !== null ? "ready" : missing };
  } catch (error) {
    // A call with nothing to write to (a Bland contact without a memory for this agent) has no summary.
    if (!isProviderError(error) || error.kind !== "not_found") throw error;
    state = { text: null, status: "absent" };
  }
  const ref = { provider: adapter.id, callId };
  if (targetId !== null) await recordCallTarget(database.db, ref, targetId);
  await recordSummaryState(database.db, { ...ref, targetId }, state);
  return state;
}

export type ReadinessOutcome = { provider: string; checked: number; ready: number; failed: number };

/**
 * Looks again at the calls whose summary is not there yet and whose turn has come (see `takeDueSummaryChecks`),
 * a few per provider per run, so a summary that "may arrive long after the call ends" brings its call back to
 * the queue without waiting for a reviewer to open it. A provider that rate-limits or fails ends its batch;
 * its calls are stamped, so they wait their usual interval and the rest of the queue is unaffected.
 */
export async function recheckSummaries(
  deps: { database: Database; adapters: ProviderAdapter[] },
  options: { perProvider?: number; now?: Date } = {},
): Promise<ReadinessOutcome[]> {
  const outcomes: ReadinessOutcome[] = [];
  for (const adapter of deps.adapters) {
    const due = await takeDueSummaryChecks(deps.database.db, adapter.id, options.now ?? new Date(), options.perProvider ?? 50);
    const outcome: ReadinessOutcome = { provider: adapter.id, checked: 0, ready: 0, failed: 0 };
    for (const { callId } of due) {
      try {
        const state = await checkSummaryReadiness({ database: deps.database, adapter }, callId);
        outcome.checked += 1;
        if (state.status === "ready") outcome.ready += 1;
      } catch (error) {
        outcome.failed += 1;
        if (!isProviderError(error)) throw error;
        logger.warn({ provider: adapter.id, callId, kind: error.kind }, "could not check whether a summary is ready; will look again");
        if (error.kind === "rate_limited" || error.kind === "unavailable" || error.kind === "timeout" || error.kind === "unauthorized") break;
      }
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
