import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { calls, queueCounts, reviews, revisionStatusCounts, users } from "../schema";

export type ReviewerActivity = { name: string; saves: number; conflicts: number; failures: number; approvals: number };

/**
 * Saves, conflicts met, failures and approvals per Redline user: the journal's counts come from the
 * per-author, per-status counters its trigger keeps (migration 0020), not from grouping the journal.
 */
export async function reviewerActivity(db: Db): Promise<ReviewerActivity[]> {
  const saves = await db
    .select({
      name: users.name,
      saves: sql<number>`coalesce(sum(${revisionStatusCounts.count}) filter (where ${revisionStatusCounts.status} in ('applied', 'accepted')), 0)::int`,
      conflicts: sql<number>`coalesce(sum(${revisionStatusCounts.count}) filter (where ${revisionStatusCounts.status} = 'conflict'), 0)::int`,
      failures: sql<number>`coalesce(sum(${revisionStatusCounts.count}) filter (where ${revisionStatusCounts.status} = 'failed'), 0)::int`,
    })
    .from(revisionStatusCounts)
    .innerJoin(users, eq(users.id, revisionStatusCounts.authorId))
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
