import type { Actor } from "@/lib/auth/require-role";
import type { Database } from "@/lib/db/open-database";
import { sampleDecision } from "@/lib/db/queries/second-looks";
import { logger } from "@/lib/logger";
import { secondLookShare } from "./second-look-share";

/**
 * Puts a reviewer's decision that just landed into the leads' second-look queue if it is due. Leads' and
 * admins' own decisions are not sampled: nobody above them looks again. Never throws: a save that landed has
 * landed, and a missed sample is only logged.
 */
export async function sampleForSecondLook(database: Database, actor: Actor, journalId: number): Promise<void> {
  if (actor.role !== "reviewer") return;
  try {
    const share = await secondLookShare(database.db);
    if (share <= 0) return;
    await sampleDecision(database.db, journalId, Math.round(share * 10_000));
  } catch (error) {
    logger.error({ err: error, journalId }, "second-look sampling failed; the save is unaffected");
  }
}
