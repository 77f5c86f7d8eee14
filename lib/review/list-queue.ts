import type { Database } from "@/lib/db/open-database";
import { reviewStatusByCall } from "@/lib/db/queries/reviews";
import type { Review } from "@/lib/db/schema";
import { ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import type { CallListItem, Page, ProviderAdapter } from "@/lib/providers/types";

export type QueueItem = CallListItem & { reviewStatus: Review["status"] };

export type QueueResult = { ok: true; page: Page<QueueItem> } | { ok: false; error: ProviderErrorDetails };

/** One page of a provider's calls, newest first, with Redline's own review status beside each. */
export async function listQueue(
  deps: { database: Database; adapter: ProviderAdapter },
  query: { page: number; size: number },
): Promise<QueueResult> {
  try {
    const page = await deps.adapter.listCalls(query);
    const statuses = await reviewStatusByCall(
      deps.database.db,
      deps.adapter.id,
      page.items.map((item) => item.ref.callId),
    );
    return {
      ok: true,
      page: { ...page, items: page.items.map((item) => ({ ...item, reviewStatus: statuses.get(item.ref.callId) ?? "unreviewed" })) },
    };
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, error: error.toJSON() };
    throw error;
  }
}
