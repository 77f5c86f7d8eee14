import "server-only";
import { env } from "@/lib/env";
import type { ReconcileOptions } from "./reconcile-saves";

export type SaveTiming = ReconcileOptions & { lockWaitMs: number };

/**
 * How long a save waits for another save of its summary, and how old an undecided save must be before the
 * reconciler may decide it. A living save waits for the lock, finds its target, re-reads, writes and may
 * re-read once more, each read with its retries: a generous multiple of the provider timeout, so a save that
 * is merely slow is never decided for it (one still holding the lock is skipped anyway).
 */
export function saveTiming(): SaveTiming {
  const { SAVE_LOCK_WAIT_MS: lockWaitMs, PROVIDER_TIMEOUT_MS: timeoutMs } = env();
  return { lockWaitMs, staleAfterMs: lockWaitMs + 6 * timeoutMs + 5_000 };
}
