import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getDatabase } from "@/lib/db/database";
import { checkSession } from "@/lib/db/queries/sessions";
import type { SessionRow } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { recordSecurityEvent } from "./security-event";

// Auth.js names its session cookie by whether the site is served over HTTPS; the name is also the key's salt.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type SessionToken = { userId: string; sessionId: string; expiresAt: Date };

/**
 * The session the request's cookie names, decrypted here (expiry checked) rather than through Auth.js's
 * whole session call, which costs several milliseconds a request. A token without a session id predates
 * server-side sessions and is refused.
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

export type ActiveSession = { userId: string; sessionId: string; method: SessionRow["method"]; authenticatedAt: Date };

/**
 * The request's session if it may still act: not signed out, not idle past the team's limit, its account
 * not deactivated. `activity: false` for reads a page makes on its own (polling): they neither keep an
 * unattended session alive nor end a live one.
 */
export async function activeSession(options: { activity?: boolean } = {}): Promise<ActiveSession | null> {
  const token = await currentSession();
  if (!token) return null;
  const { db } = await getDatabase();
  const idleMs = env().AUTH_IDLE_MINUTES * 60_000;
  const check = await checkSession(db, token.sessionId, { idleMs, touch: options.activity ?? true });
  if (!check.ok) {
    if (check.justEnded) await recordSecurityEvent(db, { event: "session_idle", subjectId: token.userId, detail: { idleMinutes: env().AUTH_IDLE_MINUTES } });
    return null;
  }
  if (check.userId !== token.userId) return null;
  return { userId: check.userId, sessionId: token.sessionId, method: check.method, authenticatedAt: check.authenticatedAt };
}

/**
 * The signed-in user's id, or null: no cookie, an expired or ended session (a copy of its cookie is refused
 * too). Every action and route asks this first; kept apart so tests can stand in for it.
 */
export async function sessionUserId(options: { activity?: boolean } = {}): Promise<string | null> {
  return (await activeSession(options))?.userId ?? null;
}
