import { queryOptions } from "@tanstack/react-query";
import type { SyncStatus } from "@/lib/review/queue/sync-status";

async function fetchSyncStatus(): Promise<SyncStatus[]> {
  const response = await fetch("/api/sync", { cache: "no-store" });
  if (!response.ok) throw new Error(response.status === 401 ? "Your session has ended. Sign in again." : "Sync status is unavailable.");
  return ((await response.json()) as { providers: SyncStatus[] }).providers;
}

/** The queue page's reads, with their keys, in one place. */
export const queueQueries = {
  /** Where each provider's sync stands: polled every second while a pass runs. */
  syncStatus: () =>
    queryOptions({
      queryKey: ["sync-status"] as const,
      queryFn: fetchSyncStatus,
      refetchInterval: (query) => (query.state.data?.some((item) => item.status === "running") ? 1000 : false),
    }),
};
