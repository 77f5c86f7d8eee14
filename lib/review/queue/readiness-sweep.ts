import "server-only";
import { getDatabase } from "@/lib/db/database";
import { mergePendingSearchEntries } from "@/lib/db/queries/calls";
import { logger } from "@/lib/logger";
import { configuredProviders, getAdapter } from "@/lib/providers/registry";
import { recheckSummaries } from "./summary-readiness";

const SWEEP_EVERY_MS = 60_000;

const globalForSweep = globalThis as unknown as { redlineReadinessSweep?: NodeJS.Timeout };

/**
 * Every minute, on every instance, looks again at summaries still coming (each call is taken by one
 * instance: the query skips rows another holds), so they reach the queue even where no webhook tells.
 */
export function startReadinessSweep(): void {
  if (globalForSweep.redlineReadinessSweep) return;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const database = await getDatabase();
      const outcomes = await recheckSummaries({ database, adapters: configuredProviders().flatMap((provider) => getAdapter(provider) ?? []) });
      for (const outcome of outcomes) if (outcome.ready) logger.info(outcome, "summaries arrived since the calls were listed");
      if (outcomes.some((outcome) => outcome.checked > 0)) await mergePendingSearchEntries(database.db);
    } catch (error) {
      logger.error({ err: error }, "looking again at summaries still coming failed; will try again");
    } finally {
      running = false;
    }
  };
  globalForSweep.redlineReadinessSweep = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  globalForSweep.redlineReadinessSweep.unref();
}
