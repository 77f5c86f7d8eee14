"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { ActionFailure } from "@/lib/auth/action-failure";
import { LocalTime } from "@/components/ui/local-time";
import { providerNames } from "@/lib/providers/provider-names";
import { queueQueries } from "./queue-queries";
import type { SyncStatus } from "@/lib/review/queue/sync-status";

function describe(status: SyncStatus): string {
  const name = providerNames[status.provider];
  switch (status.status) {
    case "running":
      return `${name}: syncing… ${status.processed.toLocaleString("en-US")}${status.total != null ? ` of ${status.total.toLocaleString("en-US")}` : ""} calls`;
    case "failed":
      return `${name}: sync stopped (${status.errorCode}): ${status.errorMessage ?? ""} It resumes where it stopped.`;
    case "completed":
      return `${name}: up to date`;
    default:
      return `${name}: not synced yet`;
  }
}

export function SyncPanel({
  initial,
  canSync,
  startSync,
}: {
  initial: SyncStatus[];
  canSync: boolean;
  /** The server action that starts a pass, handed down by the page. */
  startSync: () => Promise<{ ok: true } | ActionFailure>;
}) {
  const router = useRouter();
  const status = useQuery({ ...queueQueries.syncStatus(), initialData: initial });
  const start = useMutation({
    mutationFn: () => startSync(),
    onSuccess: () => void status.refetch(),
  });

  // When a pass finishes, show the calls it brought in.
  const running = status.data.some((item) => item.status === "running");
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) router.refresh();
    wasRunning.current = running;
  }, [running, router]);

  return (
    <section className="sync-panel" aria-label="Sync">
      <div role="status" aria-live="polite">
        <ul>
          {status.data.map((item) => (
            <li key={item.provider} className={item.status === "failed" ? "warning-text" : undefined}>
              {describe(item)}
              {item.status === "completed" && item.finishedAt ? (
                <span className="muted">
                  {" "}
                  · last synced <LocalTime iso={item.finishedAt} />
                </span>
              ) : null}
              {item.status === "running" && item.total ? (
                <progress max={item.total} value={Math.min(item.processed, item.total)} aria-label={`${providerNames[item.provider]} sync progress`} />
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {canSync ? (
        <button type="button" className="button" disabled={running || start.isPending} onClick={() => start.mutate()}>
          {running ? "Syncing…" : "Sync now"}
        </button>
      ) : null}
      {start.data && !start.data.ok ? <p role="alert">{start.data.error.message}</p> : null}
      {start.error ? <p role="alert">Redline could not be reached. Check your connection and try again.</p> : null}
      {status.error ? <p role="alert">{status.error.message}</p> : null}
    </section>
  );
}
