import type { Database } from "@/lib/db/open-database";
import { journalState } from "@/lib/db/queries/revisions";
import { isProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { ProviderAdapter } from "@/lib/providers/types";
import { currentSummary } from "./current-summary";
import { observeSummary } from "./observe-summary";
import { whoWrote, type Authorship } from "./who-wrote";

export type SummaryCheck = Authorship & { content: string | null };

export type CheckSummaryResult = { ok: true; summary: SummaryCheck } | { ok: false; error: ProviderErrorDetails };

/** The summary as it stands now, with who changed it where known: polled while a reviewer edits. A light re-read: no transcript. */
export async function checkSummary(
  deps: { database: Database; adapter: ProviderAdapter },
  callId: string,
): Promise<CheckSummaryResult> {
  const { db } = deps.database;
  const { adapter } = deps;
  try {
    const target = await adapter.summaryTarget(callId, null);
    const key = { provider: adapter.id, targetId: target.id };
    const [snapshot, { recent }] = await Promise.all([adapter.getSummary(target), journalState(db, key)]);
    const current = currentSummary(adapter.capabilities, snapshot, recent);
    await observeSummary(db, { key, callId, capabilities: adapter.capabilities, snapshot, recent, current });
    return { ok: true, summary: { content: current.content, ...(await whoWrote(db, key, current.content, snapshot)) } };
  } catch (error) {
    if (isProviderError(error)) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
