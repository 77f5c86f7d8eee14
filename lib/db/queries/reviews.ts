import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { calls, reviews, summaryRevisions, type Review } from "../schema";
import type { RevisionOutcome } from "./revisions";

export type ReviewDecision = {
  provider: string;
  /** The call the decision was made on. */
  callId: string;
  /** What the decision is about: every call that shares the target shares the decision. */
  targetId: string;
  status: Review["status"];
  userId: string;
};

/** Records who decided a call's summary, and shows the decision on every call of the same target in the queue. */
export async function recordReviewDecision(db: Db, decision: ReviewDecision): Promise<void> {
  const now = new Date();
  const { provider, callId, targetId, status, userId } = decision;
  await Promise.all([
    db
      .insert(reviews)
      .values({ provider, callId, templateKey: null, status, decidedBy: userId, decidedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [reviews.provider, reviews.callId, reviews.templateKey],
        set: { status, decidedBy: userId, decidedAt: now, updatedAt: now },
      }),
    db
      .update(calls)
      .set({ reviewStatus: status })
      .where(and(eq(calls.provider, provider), or(eq(calls.callId, callId), eq(calls.targetId, targetId)))),
  ]);
}

/**
 * Remembers which target a call's review writes, learnt when it is opened (Bland's list does not say which
 * contact memory a call feeds). A call joining a target that was already decided shows that decision.
 */
export async function recordCallTarget(db: Db, call: { provider: string; callId: string }, targetId: string): Promise<void> {
  await db
    .update(calls)
    .set({
      targetId,
      reviewStatus: sql`coalesce((
        select sibling.review_status from ${calls} as sibling
        where sibling.provider = ${call.provider} and sibling.target_id = ${targetId}
          and sibling.review_status in ('approved', 'corrected')
        limit 1
      ), ${calls.reviewStatus})`,
    })
    .where(
      and(
        eq(calls.provider, call.provider),
        eq(calls.callId, call.callId),
        or(isNull(calls.targetId), sql`${calls.targetId} <> ${targetId}`),
      ),
    );
}

/** Calls in the queue known to share a target, the opened one included. */
export async function callsSharingTarget(db: Db, provider: string, targetId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(calls)
    .where(and(eq(calls.provider, provider), eq(calls.targetId, targetId)));
  return row?.count ?? 0;
}

/**
 * A save's outcome and the decision it makes, in one statement: the journal row, who decided, and the status
 * of every call of the target. The reviewer waits for this on every save; one round trip, not three.
 */
export async function completeDecidedSave(
  db: Db,
  journalId: number,
  outcome: RevisionOutcome,
  decision: ReviewDecision,
  /** The text the save wrote, indexed for the queue's search; undefined when the text did not change (an approval). */
  summaryText?: string,
): Promise<void> {
  const now = new Date();
  const { provider, callId, targetId, status, userId } = decision;
  const completed = db.$with("completed").as(
    db
      .update(summaryRevisions)
      .set({ ...outcome, completedAt: now })
      .where(and(eq(summaryRevisions.id, journalId), inArray(summaryRevisions.status, ["pending", "unknown", "accepted"])))
      .returning({ id: summaryRevisions.id }),
  );
  const decided = db.$with("decided").as(
    db
      .insert(reviews)
      .values({ provider, callId, templateKey: null, status, decidedBy: userId, decidedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [reviews.provider, reviews.callId, reviews.templateKey],
        set: { status, decidedBy: userId, decidedAt: now, updatedAt: now },
      })
      .returning({ id: reviews.id }),
  );
  await db
    .with(completed, decided)
    .update(calls)
    .set(summaryText === undefined ? { reviewStatus: status } : { reviewStatus: status, summaryText: summaryText.toLowerCase() })
    .where(and(eq(calls.provider, provider), or(eq(calls.callId, callId), eq(calls.targetId, targetId))));
}
