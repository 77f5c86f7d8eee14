import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { QueueFilters } from "@/components/queue/queue-filters";
import { queueHref } from "@/components/queue/queue-href";
import { RememberQueueView } from "@/components/queue/remember-queue-view";
import { StartReviewingButton } from "@/components/queue/start-reviewing-button";
import { QueueTable } from "@/components/queue/queue-table";
import { StatusTabs } from "@/components/queue/status-tabs";
import { SyncPanel } from "@/components/queue/sync-panel";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/database";
import { configuredProviders, getAdapter } from "@/lib/providers/registry";
import { ensureQueueSynced } from "@/lib/review/queue/background-sync";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { nextCallAction } from "../actions";
import { startSyncAction } from "./actions";
import { toSyncStatus } from "@/lib/review/queue/sync-status";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const check = await requireRole("viewer");
  if (!check.ok) redirect("/login");
  const params = await searchParams;
  const query = queueQuerySchema.parse(params);
  const done = params.done === "1";
  const providers = configuredProviders();
  if (providers.length === 0) {
    return (
      <main className="page">
        <h1>Queue</h1>
        <p role="status">No provider is configured. Set a provider&apos;s API key (see README) and restart Redline.</p>
      </main>
    );
  }
  const database = await getDatabase();
  const sync = await ensureQueueSynced(database, providers.flatMap((provider) => getAdapter(provider) ?? []));
  const page = await listQueue(database, providers, query);
  return (
    <main className="page">
      <div className="queue-head">
        <h1>Queue</h1>
        {hasRole(check.actor.role, "reviewer") ? <StartReviewingButton next={nextCallAction} /> : null}
        <SyncPanel
          initial={toSyncStatus(providers, sync.states, sync.starting)}
          canSync={hasRole(check.actor.role, "reviewer")}
          startSync={startSyncAction}
        />
      </div>
      {done ? <p role="status">Nothing left to review here: every call with a summary is reviewed or being reviewed.</p> : null}
      <RememberQueueView query={queueHref({ ...query, cursor: undefined }).replace(/^\/queue\??/, "")} />
      <QueueFilters query={query} providers={providers} agents={page.agents} />
      <StatusTabs query={query} counts={page.counts} cap={page.countCap} />
      <QueueTable page={page} query={query} showProvider={providers.length > 1} />
    </main>
  );
}
