"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { getDatabase } from "@/lib/db/database";
import { configuredProviders, getAdapter } from "@/lib/providers/registry";
import { startBackgroundSync } from "@/lib/review/queue/background-sync";

/** Starts a sync pass for every configured provider and answers at once; progress is polled from /api/sync. */
export const startSyncAction = authorizedAction({ name: "startSync", role: "reviewer", input: z.undefined() }, async () => {
  const adapters = configuredProviders().flatMap((provider) => getAdapter(provider) ?? []);
  startBackgroundSync(await getDatabase(), adapters);
  return { ok: true as const };
});
