import type { Database } from "@/lib/db/open-database";
import { syncStates } from "@/lib/db/queries/sync-state";
import type { SyncState } from "@/lib/db/schema";
import type { ProviderId } from "@/lib/providers/provider-id";

/** A provider's sync as the queue page shows it. */
export type SyncStatus = {
  provider: ProviderId;
  status: SyncState["status"];
  processed: number;
  total: number | null;
  finishedAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
};

export function toSyncStatus(providers: ProviderId[], states: SyncState[], starting: string[] = []): SyncStatus[] {
  return providers.map((provider) => {
    const state = states.find((candidate) => candidate.provider === provider);
    return {
      provider,
      status: starting.includes(provider) ? "running" : (state?.status ?? "idle"),
      processed: state?.processed ?? 0,
      total: state?.total ?? null,
      finishedAt: state?.finishedAt?.toISOString() ?? null,
      errorCode: state?.errorCode ?? null,
      errorMessage: state?.errorMessage ?? null,
    };
  });
}

/** Where each configured provider's sync stands now: polled by the queue page, shown on the settings page. */
export async function readSyncStatus(database: Database, providers: ProviderId[]): Promise<SyncStatus[]> {
  return toSyncStatus(providers, await syncStates(database.db));
}
