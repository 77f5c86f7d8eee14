import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { calls, queueCounts, reviews, summaryRevisions, users } from "../schema";

export type ReviewerActivity = { name: string; saves: number; conflicts: number; failures: number; approvals: number };

/** Saves, conflicts met, failures and approvals per Redline user. */
export async function reviewerActivity(db: Db): Promise<ReviewerActivity[]> {
  const saves = await db
    .select({
      name: users.name,
      saves: sql<number>`count(*) filter (where ${summaryRevisions.status} in ('applied', 'accepted'))::int`,
      conflicts: sql<number>`count(*) filter (where ${summaryRevisions.status} = 'conflict')::int`,
      failures: sql<number>`count(*) filter (where ${summaryRevisions.status} = 'failed')::int`,
    })
    .from(summaryRevisions)
    .innerJoin(users, eq(users.id, summaryRevisions.authorId))
    .groupBy(users.name);
  const approvals = await db
    .select({ name: users.name, approvals: sql<number>`count(*)::int` })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.decidedBy))
    .where(eq(reviews.status, "approved"))
    .groupBy(users.name);
  const names = new Set([...saves.map((row) => row.name), ...approvals.map((row) => row.name)]);
  return [...names].sort().map((name) => ({
    name,
    saves: saves.find((row) => row.name === name)?.saves ?? 0,
    conflicts: saves.find((row) => row.name === name)?.conflicts ?? 0,
    failures: saves.find((row) => row.name === name)?.failures ?? 0,
    approvals: approvals.find((row) => row.name === name)?.approvals ?? 0,
  }));
}

export type DecisionCounts = { key: string; corrected: number; approved: number; unreviewed: number };

/** Reviewed calls per provider, from the trigger-kept counters. */
export async function decisionsByProvider(db: Db): Promise<DecisionCounts[]> {
  const rows = await db.select().from(queueCounts);
  const providers = [...new Set(rows.map((row) => row.provider))].sort();
  const count = (provider: string, status: string) => rows.find((row) => row.provider === provider && row.status === status)?.count ?? 0;
  return providers.map((provider) => ({
    key: provider,
    corrected: count(provider, "corrected"),
    approved: count(provider, "approved"),
    unreviewed: count(provider, "unreviewed"),
  }));
}

/** Reviewed calls per agent: where the AI's summaries of an agent's calls needed correcting. */
export async function decisionsByAgent(db: Db): Promise<DecisionCounts[]> {
  const rows = await db
    .select({
      key: calls.agentName,
      corrected: sql<number>`count(*) filter (where ${calls.reviewStatus} = 'corrected')::int`,
      approved: sql<number>`count(*) filter (where ${calls.reviewStatus} = 'approved')::int`,
      unreviewed: sql<number>`count(*) filter (where ${calls.reviewStatus} = 'unreviewed')::int`,
    })
    .from(calls)
    .where(and(isNotNull(calls.agentName), inArray(calls.reviewStatus, ["corrected", "approved"])))
    .groupBy(calls.agentName)
    .orderBy(desc(sql`count(*)`))
    .limit(50);
  return rows.map((row) => ({ ...row, key: row.key ?? "unknown" }));
}

export type AppliedEdit = { provider: string; templateKey: string | null; author: string | null; base: string | null; content: string };

/** The latest saves that changed a summary, with the text they started from, for measuring how much reviewers change. */
export async function recentAppliedEdits(db: Db, limit: number): Promise<AppliedEdit[]> {
  return db
    .select({
      provider: summaryRevisions.provider,
      templateKey: summaryRevisions.templateKey,
      author: users.name,
      base: summaryRevisions.baseContent,
      content: summaryRevisions.content,
    })
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .where(and(inArray(summaryRevisions.status, ["applied", "accepted"]), inArray(summaryRevisions.kind, ["edit", "merge"])))
    .orderBy(desc(summaryRevisions.id))
    .limit(limit);
}
