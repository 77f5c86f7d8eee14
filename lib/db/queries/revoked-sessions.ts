import { eq, lt } from "drizzle-orm";
import type { Db } from "../open-database";
import { revokedSessions } from "../schema";

export async function revokeSession(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
  await db.insert(revokedSessions).values({ sessionId, expiresAt }).onConflictDoNothing();
  // Tokens past their expiry are refused anyway: their rows can go.
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
}

export async function isSessionRevoked(db: Db, sessionId: string): Promise<boolean> {
  const [row] = await db.select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.sessionId, sessionId)).limit(1);
  return row !== undefined;
}
