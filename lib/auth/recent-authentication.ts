import "server-only";
import { getDatabase } from "@/lib/db/database";
import { markAuthenticated } from "@/lib/db/queries/sessions";
import { checkCredentials } from "./check-credentials";
import type { Actor } from "./require-role";
import { activeSession } from "./session-user-id";

/** How long a proof of identity lets an admin make changes without being asked again. */
export const recentAuthenticationMs = 15 * 60_000;

export type ReauthenticationNeeded = { ok: false; error: { code: "reauthenticate"; message: string; method: "password" | "sso" } };

/**
 * Admin changes (roles, deactivation, links that set passwords) ask for the password again unless the
 * admin proved who they are in the last quarter of an hour: a session left open on an unlocked screen, or a
 * stolen cookie, cannot hand out accounts.
 */
export async function requireRecentAuthentication(now = new Date()): Promise<ReauthenticationNeeded | null> {
  const session = await activeSession({ activity: false });
  if (session && now.getTime() - session.authenticatedAt.getTime() <= recentAuthenticationMs) return null;
  const method = session?.method ?? "password";
  return {
    ok: false,
    error: {
      code: "reauthenticate",
      method,
      message: method === "sso" ? "Confirm it is you: sign in again with single sign-on, then make the change again." : "Confirm it is you: enter your password, then make the change.",
    },
  };
}

export type IdentityConfirmation = { ok: true } | { ok: false; error: { code: "wrong_password" | "throttled" | "sso"; message: string } };

/** The password asked before an admin change: checked, throttled and audited like a sign-in. */
export async function confirmIdentity(actor: Actor, password: string, address: string | null): Promise<IdentityConfirmation> {
  const session = await activeSession();
  if (session?.method === "sso") {
    return { ok: false, error: { code: "sso", message: "You signed in with single sign-on: sign in again with it to confirm it is you." } };
  }
  const { db } = await getDatabase();
  const check = await checkCredentials(db, { email: actor.email, password, address });
  if (!check.ok) {
    return check.reason === "throttled"
      ? { ok: false, error: { code: "throttled", message: "Too many wrong passwords. Wait a few minutes, then try again." } }
      : { ok: false, error: { code: "wrong_password", message: "That is not your password." } };
  }
  if (session) await markAuthenticated(db, session.sessionId);
  return { ok: true };
}
