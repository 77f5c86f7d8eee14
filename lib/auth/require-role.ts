import "server-only";
import { getDatabase } from "@/lib/db/database";
import { findUserById } from "@/lib/db/queries/users";
import { recordSecurityEvent } from "./security-event";
import { hasRole, roleLabels, type Role } from "./roles";
import { sessionUserId } from "./session-user-id";

export type Actor = { id: string; name: string; email: string; role: Role };

export type AuthFailure = { code: "unauthenticated" | "forbidden"; message: string };

export type RoleCheck = { ok: true; actor: Actor } | { ok: false; error: AuthFailure };

/**
 * Checks the session and the role against the database on every call, so a role taken away
 * takes effect at once rather than when the session cookie expires. `activity: false` for the reads a page
 * makes on its own (polling), which must not keep an unattended session from its idle timeout.
 */
export async function requireRole(minimum: Role, options: { activity?: boolean } = {}): Promise<RoleCheck> {
  const userId = await sessionUserId(options);
  if (!userId) {
    return { ok: false, error: { code: "unauthenticated", message: "Your session has ended. Sign in again to continue." } };
  }
  const { db } = await getDatabase();
  const user = await findUserById(db, userId);
  if (!user || user.deactivatedAt) {
    return { ok: false, error: { code: "unauthenticated", message: "Your account is no longer active. Ask an admin if this is a mistake." } };
  }
  if (!hasRole(user.role, minimum)) {
    // A security event: someone signed in reached for more than their role allows.
    await recordSecurityEvent(db, { event: "role_refused", actorId: user.id, subjectId: user.id, detail: { role: user.role, needed: minimum } });
    return {
      ok: false,
      error: { code: "forbidden", message: `This needs the ${roleLabels[minimum]} role; your account is ${roleLabels[user.role]}.` },
    };
  }
  return { ok: true, actor: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
