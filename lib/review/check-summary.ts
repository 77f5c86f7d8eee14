import type { Database } from "@/lib/db/open-database";
import { ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { ProviderAdapter } from "@/lib/providers/types";
import { currentSummaryText } from "./current-summary";
import { observeSummary } from "./observe-summary";
import { whoWrote, type Authorship } from "./who-wrote";

export type SummaryCheck = Authorship & { content: string | null };

export type CheckSummaryResult = { ok: true; summary: SummaryCheck } | { ok: false; error: ProviderErrorDetails };

/** The summary as it stands now, with who changed it where known: polled while a reviewer edits. */
export async function checkSummary(
  deps: { database: Database; adapter: ProviderAdapter },
  callId: string,
): Promise<CheckSummaryResult> {
  const { db } = deps.database;
  const key = { provider: deps.adapter.id, callId };
  try {
    const call = await deps.adapter.getCall(callId);
    await observeSummary(db, key, deps.adapter.capabilities, call.summary);
    const content = await currentSummaryText(db, key, deps.adapter.capabilities, call);
    return { ok: true, summary: { content, ...(await whoWrote(db, key, content, call.summary)) } };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
