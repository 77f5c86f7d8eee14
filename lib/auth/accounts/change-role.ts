import "server-only";
import type { Db } from "@/lib/db/open-database";
import { findUserById, lockActiveAdmins, updateUser } from "@/lib/db/queries/users";
import type { Actor } from "../require-role";
import type { Role } from "../roles";
import { recordSecurityEvent } from "../security-event";

export type RoleChangeResult = { ok: true; role: Role } | { ok: false; error: { code: "not_found" | "last_admin"; message: string } };

/** Takes effect on the account's next request: every action reads the role from the database. */
export async function changeRole(db: Db, actor: Actor, change: { userId: string; role: Role }): Promise<RoleChangeResult> {
  const outcome = await db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await findUserById(tx, change.userId);
    if (!user) return { ok: false as const, error: { code: "not_found" as const, message: "That account no longer exists. Reload the list." } };
    if (user.role === change.role) return { ok: true as const, role: change.role, from: user.role };
    if (user.role === "admin" && !user.deactivatedAt && admins.length <= 1) {
      return { ok: false as const, error: { code: "last_admin" as const, message: `${user.name} is the only active admin. Make someone else an admin first.` } };
    }
    await updateUser(tx, user.id, { role: change.role });
    return { ok: true as const, role: change.role, from: user.role, email: user.email };
  });
  if (!outcome.ok) return outcome;
  if (outcome.from !== change.role) {
    await recordSecurityEvent(db, { event: "role_changed", actorId: actor.id, subjectId: change.userId, email: outcome.email, detail: { from: outcome.from, to: change.role } });
  }
  return { ok: true, role: outcome.role };
}

