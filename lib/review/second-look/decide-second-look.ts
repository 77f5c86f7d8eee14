import { z } from "zod";
import type { Actor } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/open-database";
import { decideSecondLook as recordVerdict, findSecondLook } from "@/lib/db/queries/second-looks";

export const secondLookIdSchema = z.number().int().positive();

export type SecondLookDecision =
  | { ok: true; verdict: "agree" | "corrected" }
  | { ok: false; error: { code: "forbidden" | "not_found" | "already_decided" | "other_summary" | "internal"; message: string } };

type Verdict =
  | { verdict: "agree" }
  /** A correction saved on the summary the sampled decision was about: `journalId` is the save's. */
  | { verdict: "corrected"; journalId: number; provider: string; targetId: string };

/**
 * Records a lead's verdict on a sampled decision, once: of two leads deciding at once, one wins and the other
 * is told who did.
 */
export async function decideSecondLook(db: Db, actor: Actor, id: number, verdict: Verdict): Promise<SecondLookDecision> {
  if (!hasRole(actor.role, "lead")) {
    return { ok: false, error: { code: "forbidden", message: "Only leads and admins decide second looks." } };
  }
  const look = await findSecondLook(db, id);
  if (!look) return { ok: false, error: { code: "not_found", message: "There is no such second look. Reload the list." } };
  if (verdict.verdict === "corrected" && (look.provider !== verdict.provider || look.targetId !== verdict.targetId)) {
    return { ok: false, error: { code: "other_summary", message: "This save was of another summary than the second look's: the second look is still open." } };
  }
  const recorded = await recordVerdict(db, id, {
    leadId: actor.id,
    verdict: verdict.verdict,
    correctionRevisionId: verdict.verdict === "corrected" ? verdict.journalId : null,
  });
  if (recorded) return { ok: true, verdict: verdict.verdict };
  const now = await findSecondLook(db, id);
  const by = now?.leadName ?? "another lead";
  const what = now?.verdict === "corrected" ? "corrected it" : "agreed with it";
  return { ok: false, error: { code: "already_decided", message: `${by} already ${what}: this second look is decided.` } };
}
