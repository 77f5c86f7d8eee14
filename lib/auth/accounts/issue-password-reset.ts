import "server-only";
import type { Db } from "@/lib/db/open-database";
import { findUserById } from "@/lib/db/queries/users";
import type { Actor } from "../require-role";
import { recordSecurityEvent } from "../security-event";
import { makeAccountLink, type AccountLinkShown } from "./make-account-link";

export type ResetResult = { ok: true; link: AccountLinkShown } | { ok: false; error: { code: "not_found" | "deactivated"; message: string } };

/** A one-time link for a person who forgot their password. The old password works until the new one is set. */
export async function issuePasswordReset(db: Db, actor: Actor, userId: string, origin: string): Promise<ResetResult> {
  const user = await findUserById(db, userId);
  if (!user) return { ok: false, error: { code: "not_found", message: "That account no longer exists. Reload the list." } };
  if (user.deactivatedAt) {
    return { ok: false, error: { code: "deactivated", message: `${user.name}'s account is deactivated. Reactivate it first.` } };
  }
  const link = await makeAccountLink(db, { userId: user.id, email: user.email, purpose: user.passwordHash ? "reset" : "invite", createdBy: actor.id, origin });
  await recordSecurityEvent(db, { event: "password_reset_issued", actorId: actor.id, subjectId: user.id, email: user.email });
  return { ok: true, link };
}
