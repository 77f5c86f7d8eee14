import "server-only";
import { getDatabase } from "@/lib/db/database";
import { logger } from "@/lib/logger";
import { getAdapter } from "@/lib/providers/registry";
import { sweepUnresolvedSaves } from "./reconcile-saves";
import { saveTiming } from "./save-timing";

/** Every instance sweeps; the per-target lock keeps two instances from deciding one row. */
const SWEEP_EVERY_MS = 60_000;

const globalForSweep = globalThis as unknown as { redlineReconcileSweep?: NodeJS.Timeout };

/**
 * Decides, once at start and then every minute, the saves nobody else will: one whose instance died
 * mid-save, one whose answer was lost while no reviewer opens that call again.
 */
export function startReconcileSweep(): void {
  if (globalForSweep.redlineReconcileSweep) return;
  const sweep = async () => {
    try {
      const result = await sweepUnresolvedSaves(await getDatabase(), getAdapter, saveTiming());
      if (result.applied || result.failed) logger.info(result, "reconciled saves whose outcome was unknown");
    } catch (error) {
      logger.error({ err: error }, "reconciling unknown saves failed; will try again");
    }
  };
  globalForSweep.redlineReconcileSweep = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  globalForSweep.redlineReconcileSweep.unref();
  void sweep();
}
