import "server-only";
import { getDatabase } from "@/lib/db/database";
import { findUserById } from "@/lib/db/queries/users";
import { logger } from "@/lib/logger";
import { hasRole, roleLabels, type Role } from "./roles";
import { sessionUserId } from "./session-user-id";

export type Actor = { id: string; name: string; email: string; role: Role };

export type AuthFailure = { code: "unauthenticated" | "forbidden"; message: string };

export type RoleCheck = { ok: true; actor: Actor } | { ok: false; error: AuthFailure };

/**
 * Checks the session and the role against the database on every call, so a role taken away
 * takes effect at once rather than when the session cookie expires.
 */
export async function requireRole(minimum: Role): Promise<RoleCheck> {
  const userId = await sessionUserId();
  if (!userId) {
    return { ok: false, error: { code: "unauthenticated", message: "Your session has ended. Sign in again to continue." } };
  }
  const { db } = await getDatabase();
  const user = await findUserById(db, userId);
  if (!user) {
    return { ok: false, error: { code: "unauthenticated", message: "Your account no longer exists. Sign in again." } };
  }
  if (!hasRole(user.role, minimum)) {
    // A security event: someone signed in reached for more than their role allows.
    logger.warn({ event: "role_refused", userId: user.id, role: user.role, needed: minimum }, "refused: role too low");
    return {
      ok: false,
      error: { code: "forbidden", message: `This needs the ${roleLabels[minimum]} role; your account is ${roleLabels[user.role]}.` },
    };
  }
  return { ok: true, actor: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
