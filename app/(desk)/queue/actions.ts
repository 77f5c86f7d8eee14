"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { configuredProviders, getAdapter } from "@/lib/providers/registry";
import { startBackgroundSync } from "@/lib/review/background-sync";
import { nextCallHref } from "@/lib/review/next-call";

export type StartSyncResult = { ok: true } | { ok: false; error: { code: string; message: string } };

export async function startSyncAction(): Promise<StartSyncResult> {
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  const adapters = configuredProviders().flatMap((provider) => getAdapter(provider) ?? []);
  startBackgroundSync(await getDatabase(), adapters);
  return { ok: true };
}

/** Opens the newest unreviewed call nobody else is reviewing, claimed for this reviewer. */
export async function startReviewingAction(): Promise<void> {
  const check = await requireRole("reviewer");
  if (!check.ok) redirect("/login");
  redirect(await nextCallHref(await getDatabase(), check.actor, configuredProviders()));
}
