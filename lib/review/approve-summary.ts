import type { Actor } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/open-database";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import type { CallRef } from "@/lib/providers/types";

export type ApproveResult = { ok: true } | { ok: false; error: { code: "forbidden"; message: string } };

/** Marks the AI summary as right as it stands: nothing is written to the provider. */
export async function approveSummary(
  database: Database,
  actor: Actor,
  ref: CallRef,
  templateKey: string | null,
): Promise<ApproveResult> {
  if (!hasRole(actor.role, "reviewer")) {
    return { ok: false, error: { code: "forbidden", message: "Only reviewers, leads and admins can approve summaries." } };
  }
  await recordReviewDecision(database.db, { ...ref, templateKey, status: "approved", userId: actor.id });
  return { ok: true };
}
