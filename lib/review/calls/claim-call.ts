import type { Actor } from "@/lib/auth/require-role";
import type { Database } from "@/lib/db/open-database";
import { claimCall, releaseClaim } from "@/lib/db/queries/claims";
import type { CallRef } from "@/lib/providers/types";

/** A claim as the workspace and the queue show it. */
export type ClaimView = { holder: string; mine: boolean; since: string };

// Five minutes, renewed every minute while the call is open: a closed tab frees the call soon after.
export const claimLeaseMs = 5 * 60_000;

/** Takes or renews the reviewer's soft claim on a call; someone else's live claim is reported, not broken. */
export async function claimForReview(database: Database, actor: Actor, ref: CallRef): Promise<ClaimView | null> {
  const claim = await claimCall(database.db, ref, actor.id, claimLeaseMs);
  return claim ? { holder: claim.userName, mine: claim.userId === actor.id, since: claim.claimedAt.toISOString() } : null;
}

export async function releaseForReview(database: Database, actor: Actor, ref: CallRef): Promise<void> {
  await releaseClaim(database.db, ref, actor.id);
}
