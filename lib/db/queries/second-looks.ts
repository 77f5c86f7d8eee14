import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../open-database";
import { rowsOf } from "./rows-of";
import { calls, secondLooks, summaryRevisions, users } from "../schema";

/**
 * Samples the decision journalled as `journalId` if it is due: the author's k-th decision (a save or an
 * approval that landed, in journal order) is sampled when ⌊k·share⌋ steps up at k, so exactly ⌊n·share⌋ of any
 * reviewer's first n decisions are sampled, evenly spread. Integer arithmetic on basis points, so 29% of 100 is
 * 29, not 28 by a rounding error. One statement; a decision sampled already is left alone. Answers the second
 * look's id, or null when this decision is not sampled. Two decisions of one reviewer landing in the same
 * instant may both count the other or neither: at worst one sample more or fewer, never a failed save.
 */
export async function sampleDecision(db: Db, journalId: number, shareBasisPoints: number): Promise<number | null> {
  const result = await db.execute(sql`
    with decision as (
      select r.id, r.author_id, r.provider, r.call_id, r.target_id, r.template_key,
        (select count(*) from summary_revisions e
          where e.author_id = r.author_id and e.id <= r.id
            and e.status in ('applied', 'accepted') and e.kind in ('edit', 'merge', 'overwrite', 'restore', 'approve')) as ordinal
      from summary_revisions r
      where r.id = ${journalId} and r.author_id is not null
        and r.status in ('applied', 'accepted') and r.kind in ('edit', 'merge', 'overwrite', 'restore', 'approve')
    )
    insert into second_looks (revision_id, reviewer_id, provider, call_id, target_id, template_key)
    select id, author_id, provider, call_id, target_id, template_key from decision
    where (ordinal * ${shareBasisPoints}::bigint) / 10000 > ((ordinal - 1) * ${shareBasisPoints}::bigint) / 10000
    on conflict (revision_id) do nothing
    returning id
  `);
  return rowsOf<{ id: number }>(result)[0]?.id ?? null;
}

export type OpenSecondLook = {
  id: number;
  sampledAt: Date;
  reviewerName: string;
  provider: string;
  callId: string;
  agentName: string | null;
  counterpartName: string | null;
  kind: string;
  decidedAt: Date;
  /** The AI's text of the summary as Redline first saw it; null when it never did. */
  aiText: string | null;
  /** What the reviewer's decision left: their text, or the text they approved. */
  text: string;
};

/** Open second looks, oldest first, with the decision, the AI's text and the call; and how many are open. */
export async function openSecondLooks(db: Db, limit: number): Promise<{ items: OpenSecondLook[]; open: number }> {
  const reviewer = alias(users, "reviewer");
  const original = alias(summaryRevisions, "original");
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: secondLooks.id,
        sampledAt: secondLooks.sampledAt,
        reviewerName: reviewer.name,
        provider: secondLooks.provider,
        callId: secondLooks.callId,
        agentName: calls.agentName,
        counterpartName: calls.counterpartName,
        kind: summaryRevisions.kind,
        decidedAt: sql<Date>`coalesce(${summaryRevisions.completedAt}, ${summaryRevisions.createdAt})`.mapWith(summaryRevisions.createdAt),
        aiText: original.content,
        text: summaryRevisions.content,
      })
      .from(secondLooks)
      .innerJoin(summaryRevisions, eq(summaryRevisions.id, secondLooks.revisionId))
      .innerJoin(reviewer, eq(reviewer.id, secondLooks.reviewerId))
      .leftJoin(calls, and(eq(calls.provider, secondLooks.provider), eq(calls.callId, secondLooks.callId)))
      .leftJoin(
        original,
        and(eq(original.provider, secondLooks.provider), eq(original.targetId, secondLooks.targetId), eq(original.kind, "original")),
      )
      .where(isNull(secondLooks.verdict))
      .orderBy(asc(secondLooks.sampledAt), asc(secondLooks.id))
      .limit(limit),
    db.select({ open: count() }).from(secondLooks).where(isNull(secondLooks.verdict)),
  ]);
  return { items, open: total?.open ?? 0 };
}

export type SecondLookVerdict = { leadId: string; verdict: "agree" | "corrected"; correctionRevisionId: number | null };

export type SecondLookState = {
  id: number;
  provider: string;
  targetId: string;
  verdict: "agree" | "corrected" | null;
  leadName: string | null;
};

/** Records the verdict if nobody has yet: one conditional update, so of two leads deciding at once one wins. */
export async function decideSecondLook(db: Db, id: number, verdict: SecondLookVerdict, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(secondLooks)
    .set({ ...verdict, decidedAt: now })
    .where(and(eq(secondLooks.id, id), isNull(secondLooks.verdict)))
    .returning({ id: secondLooks.id });
  return rows.length > 0;
}

export async function findSecondLook(db: Db, id: number): Promise<SecondLookState | null> {
  const [row] = await db
    .select({ id: secondLooks.id, provider: secondLooks.provider, targetId: secondLooks.targetId, verdict: secondLooks.verdict, leadName: users.name })
    .from(secondLooks)
    .leftJoin(users, eq(users.id, secondLooks.leadId))
    .where(eq(secondLooks.id, id))
    .limit(1);
  return row ?? null;
}

export type ReviewerAgreement = { name: string; waiting: number; lookedAt: number; agreed: number; corrected: number };

/** Per reviewer: sampled decisions waiting, looked at a second time, agreed with and corrected. */
export async function agreementByReviewer(db: Db): Promise<ReviewerAgreement[]> {
  return db
    .select({
      name: users.name,
      waiting: sql<number>`count(*) filter (where ${secondLooks.verdict} is null)::int`,
      lookedAt: sql<number>`count(*) filter (where ${secondLooks.verdict} is not null)::int`,
      agreed: sql<number>`count(*) filter (where ${secondLooks.verdict} = 'agree')::int`,
      corrected: sql<number>`count(*) filter (where ${secondLooks.verdict} = 'corrected')::int`,
    })
    .from(secondLooks)
    .innerJoin(users, eq(users.id, secondLooks.reviewerId))
    .groupBy(users.id, users.name)
    .orderBy(asc(users.name));
}
