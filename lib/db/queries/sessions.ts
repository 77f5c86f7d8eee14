import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { sessions, users, type SessionRow } from "../schema";

export type EndReason = NonNullable<SessionRow["endedReason"]>;

export async function startSession(
  db: Db,
  session: { id: string; userId: string; method: SessionRow["method"]; expiresAt: Date; now?: Date },
): Promise<void> {
  const now = session.now ?? new Date();
  await db
    .insert(sessions)
    .values({ id: session.id, userId: session.userId, method: session.method, expiresAt: session.expiresAt, createdAt: now, authenticatedAt: now, lastSeenAt: now })
    .onConflictDoNothing();
}

export type SessionCheck =
  | { ok: true; userId: string; method: SessionRow["method"]; authenticatedAt: Date }
  | { ok: false; reason: EndReason | "unknown" | "expired"; justEnded?: true };

/** Activity closer together than this is not written again: one write a minute per session at most. */
const touchEveryMs = 60_000;

/**
 * Whether the session may act now, and a note that it did. An idle session is ended here, so it stays ended
 * whatever happens next; the last-seen clock moves at most once a minute.
 */
export async function checkSession(db: Db, id: string, options: { idleMs: number; touch?: boolean; now?: Date }): Promise<SessionCheck> {
  const now = options.now ?? new Date();
  const [row] = await db
    .select({ session: sessions, deactivatedAt: users.deactivatedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  const { session } = row;
  if (session.endedReason) return { ok: false, reason: session.endedReason };
  // Deactivation ends the sessions in the same transaction; this covers an account deactivated by hand in SQL.
  if (row.deactivatedAt) return { ok: false, reason: "deactivated" };
  if (session.expiresAt <= now) return { ok: false, reason: "expired" };
  if (now.getTime() - session.lastSeenAt.getTime() > options.idleMs) {
    await endSession(db, id, "idle", now);
    return { ok: false, reason: "idle", justEnded: true };
  }
  if ((options.touch ?? true) && now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  }
  return { ok: true, userId: session.userId, method: session.method, authenticatedAt: session.authenticatedAt };
}

export async function endSession(db: Db, id: string, reason: EndReason, now = new Date()): Promise<void> {
  await db.update(sessions).set({ endedAt: now, endedReason: reason }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  // Ended and expired sessions are kept a week for the admin's view, then forgotten.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - 7 * 24 * 60 * 60_000)));
}

/** Ends every live session of one account, but the one named in `except` (the user's own, after they change their password). */
export async function endSessionsOf(db: Db, userId: string, reason: EndReason, options: { except?: string; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const ended = await db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), options.except ? ne(sessions.id, options.except) : undefined))
    .returning({ id: sessions.id });
  return ended.length;
}

/** The user proved who they are again (their password, before an admin change). */
export async function markAuthenticated(db: Db, id: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ authenticatedAt: now, lastSeenAt: now }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Live sessions and last activity per account, for the admin's list of accounts. */
export async function sessionActivity(db: Db, now = new Date()): Promise<Map<string, { live: number; lastSeenAt: Date | null }>> {
  const rows = await db
    .select({
      userId: sessions.userId,
      live: sql<number>`count(*) filter (where ${sessions.endedAt} is null and ${sessions.expiresAt} > ${now.toISOString()}::timestamptz)::int`,
      lastSeenAt: sql<string | null>`max(${sessions.lastSeenAt})`,
    })
    .from(sessions)
    .groupBy(sessions.userId);
  return new Map(rows.map((row) => [row.userId, { live: row.live, lastSeenAt: row.lastSeenAt ? new Date(row.lastSeenAt) : null }]));
}
