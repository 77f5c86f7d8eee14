import "server-only";
import type { Db } from "@/lib/db/open-database";
import { insertInvitedUser } from "@/lib/db/queries/users";
import type { Actor } from "../require-role";
import type { Role } from "../roles";
import { recordSecurityEvent } from "../security-event";
import { makeAccountLink, type AccountLinkShown } from "./make-account-link";

export type InviteResult = { ok: true; userId: string; link: AccountLinkShown } | { ok: false; error: { code: "exists"; message: string } };

/** A new account with the role the admin chose and no password: its person sets one through the link. */
export async function inviteAccount(db: Db, actor: Actor, invite: { email: string; name: string; role: Role }, origin: string): Promise<InviteResult> {
  const user = await insertInvitedUser(db, invite);
  if (!user) {
    return { ok: false, error: { code: "exists", message: `${invite.email} already has an account. Find it in the list to reset its password or change its role.` } };
  }
  const link = await makeAccountLink(db, { userId: user.id, email: user.email, purpose: "invite", createdBy: actor.id, origin });
  await recordSecurityEvent(db, { event: "account_invited", actorId: actor.id, subjectId: user.id, email: user.email, detail: { role: invite.role } });
  return { ok: true, userId: user.id, link };
}
