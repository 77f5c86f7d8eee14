"use server";

import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { configuredProviders, getAdapter } from "@/lib/providers/registry";
import { startBackgroundSync } from "@/lib/review/background-sync";

export type StartSyncResult = { ok: true } | { ok: false; error: { code: string; message: string } };

export async function startSyncAction(): Promise<StartSyncResult> {
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  const adapters = configuredProviders().flatMap((provider) => getAdapter(provider) ?? []);
  startBackgroundSync(await getDatabase(), adapters);
  return { ok: true };
}
