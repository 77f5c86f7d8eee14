import "server-only";
import { getDatabase } from "@/lib/db/database";
import { revokeSession } from "@/lib/db/queries/revoked-sessions";
import { logger } from "@/lib/logger";
import { currentSession } from "./session-user-id";

/** Ends the request's session for good: its cookie, and any copy of it, is refused from now on. */
export async function endCurrentSession(): Promise<void> {
  const session = await currentSession();
  if (!session) return;
  const { db } = await getDatabase();
  await revokeSession(db, session.sessionId, session.expiresAt);
  logger.info({ event: "signed_out", userId: session.userId }, "session ended");
}
