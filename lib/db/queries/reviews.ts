import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../open-database";
import { reviews, type Review } from "../schema";
import { setCallReviewStatus } from "./calls";

export type ReviewDecision = {
  provider: string;
  callId: string;
  templateKey: string | null;
  status: Review["status"];
  userId: string;
};

export async function recordReviewDecision(db: Db, decision: ReviewDecision): Promise<void> {
  const now = new Date();
  await db
    .insert(reviews)
    .values({ ...decision, decidedBy: decision.userId, decidedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [reviews.provider, reviews.callId, reviews.templateKey],
      set: { status: decision.status, decidedBy: decision.userId, decidedAt: now, updatedAt: now },
    });
  await setCallReviewStatus(db, decision, decision.status);
}

/** Review status per call: the most recently updated template decides. Calls with no row are unreviewed. */
export async function reviewStatusByCall(
  db: Db,
  provider: string,
  callIds: string[],
): Promise<Map<string, Review["status"]>> {
  if (callIds.length === 0) return new Map();
  const rows = await db
    .select({ callId: reviews.callId, status: reviews.status })
    .from(reviews)
    .where(and(eq(reviews.provider, provider), inArray(reviews.callId, callIds)))
    .orderBy(desc(reviews.updatedAt));
  const statuses = new Map<string, Review["status"]>();
  for (const row of rows) if (!statuses.has(row.callId)) statuses.set(row.callId, row.status);
  return statuses;
}
