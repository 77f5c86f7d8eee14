import "server-only";
import type { Db } from "@/lib/db/open-database";
import { voidLinksOf } from "@/lib/db/queries/account-links";
import { endSessionsOf } from "@/lib/db/queries/sessions";
import { findUserById, lockActiveAdmins, updateUser } from "@/lib/db/queries/users";
import type { Actor } from "../require-role";
import { recordSecurityEvent } from "../security-event";

export type ActiveChangeResult =
  | { ok: true; active: boolean; sessionsEnded: number }
  | { ok: false; error: { code: "not_found" | "yourself" | "last_admin"; message: string } };

/**
 * Deactivating ends every session of the account at once (in the same transaction, so no request of theirs
 * passes after the answer) and voids its open links; its journal entries stay, with its name. Reactivating
 * lets it sign in again; its sessions stay ended.
 */
export async function setAccountActive(db: Db, actor: Actor, change: { userId: string; active: boolean }): Promise<ActiveChangeResult> {
  if (change.userId === actor.id && !change.active) {
    return { ok: false, error: { code: "yourself", message: "You cannot deactivate your own account. Ask another admin." } };
  }
  const now = new Date();
  const outcome = await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await findUserById(tx, change.userId);
    if (!user) return { ok: false as const, error: { code: "not_found" as const, message: "That account no longer exists. Reload the list." } };
    if (Boolean(user.deactivatedAt) === !change.active) return { ok: true as const, changed: false, sessionsEnded: 0, email: user.email };
    if (!change.active && user.role === "admin" && admins.length <= 1) {
      return { ok: false as const, error: { code: "last_admin" as const, message: `${user.name} is the only active admin. Make someone else an admin first.` } };
    }
    await updateUser(tx, user.id, { deactivatedAt: change.active ? null : now });
    if (change.active) return { ok: true as const, changed: true, sessionsEnded: 0, email: user.email };
    await voidLinksOf(tx, user.id, now);
    return { ok: true as const, changed: true, sessionsEnded: await endSessionsOf(tx, user.id, "deactivated", { now }), email: user.email };
  });
  if (!outcome.ok) return outcome;
  if (outcome.changed) {
    await recordSecurityEvent(db, {
      event: change.active ? "account_reactivated" : "account_deactivated",
      actorId: actor.id,
      subjectId: change.userId,
      email: outcome.email,
      detail: change.active ? undefined : { sessionsEnded: outcome.sessionsEnded },
    });
  }
  return { ok: true, active: change.active, sessionsEnded: outcome.sessionsEnded };
}
