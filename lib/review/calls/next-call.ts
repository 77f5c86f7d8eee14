import type { Actor } from "@/lib/auth/require-role";
import type { Database } from "@/lib/db/open-database";
import { claimNextCall } from "@/lib/db/queries/claims";
import { claimLeaseMs } from "./claim-call";

/** Where the queue is sent when nothing is left to review. */
export const queueDoneHref = "/queue?status=unreviewed&done=1";

/**
 * Where "start reviewing" and "next" take a reviewer: the newest unreviewed call nobody else is reviewing,
 * already claimed for them (picked and claimed at once), or back to the queue when none is left.
 */
export async function nextCallHref(
  database: Database,
  actor: Actor,
  providers: string[],
  leaving?: { provider: string; callId: string },
): Promise<string> {
  const next = await claimNextCall(database.db, providers, actor.id, claimLeaseMs, leaving);
  return next ? `/calls/${next.provider}/${encodeURIComponent(next.callId)}` : queueDoneHref;
}
