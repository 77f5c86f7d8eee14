import "server-only";
import { getDatabase } from "@/lib/db/database";
import { endSession } from "@/lib/db/queries/sessions";
import { currentSession } from "./session-user-id";
import { recordSecurityEvent } from "./security-event";

/** Ends the request's session for good: its cookie, and any copy of it, is refused from now on. */
export async function endCurrentSession(): Promise<void> {
  const session = await currentSession();
  if (!session) return;
  const { db } = await getDatabase();
  await endSession(db, session.sessionId, "signed_out");
  await recordSecurityEvent(db, { event: "signed_out", actorId: session.userId, subjectId: session.userId });
}
