import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getDatabase } from "@/lib/db/database";
import { isSessionRevoked } from "@/lib/db/queries/revoked-sessions";
import { env } from "@/lib/env";

// Auth.js names its session cookie by whether the site is served over HTTPS; the name is also the key's salt.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type SessionToken = { userId: string; sessionId: string; expiresAt: Date };

/**
 * The session the request's cookie carries, decrypted here (expiry checked) rather than through Auth.js's
 * whole session call, which costs several milliseconds a request. A token without a session id predates
 * revocable sessions and is refused.
 */
export async function currentSession(): Promise<SessionToken | null> {
  const jar = await cookies();
  const secret = env().AUTH_SECRET;
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token || !secret) continue;
    const payload = await decode({ token, secret, salt: name }).catch(() => null);
    if (typeof payload?.sub !== "string" || typeof payload.sid !== "string" || typeof payload.exp !== "number") return null;
    return { userId: payload.sub, sessionId: payload.sid, expiresAt: new Date(payload.exp * 1000) };
  }
  return null;
}

/**
 * The signed-in user's id, or null: no cookie, an expired one, or a session ended by signing out (a copy of
 * its cookie is refused too). Every action and route asks this first; kept apart so tests can stand in for it.
 */
export async function sessionUserId(): Promise<string | null> {
  const session = await currentSession();
  if (!session) return null;
  const { db } = await getDatabase();
  return (await isSessionRevoked(db, session.sessionId)) ? null : session.userId;
}
