import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../open-database";

/** Both drivers answer `execute` with `{ rows }`; Drizzle's shared type does not say so. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export type TrendFilters = { provider?: string; reviewerId?: string; from?: Date; before?: Date };
export type TrendDimension = "provider" | "template" | "agent" | "reviewer";

/** One group of decisions: a week, or a provider/template/agent/reviewer over the whole period. */
export type DecisionGroup = {
  key: string;
  decisions: number;
  corrected: number;
  acceptedUnchanged: number;
  /** Averages over corrections only: what a correction changed of the AI's text. */
  avgCharsChanged: number | null;
  avgLinesChanged: number | null;
  /** The median time from claiming the call to deciding, over decisions that had a claim. */
  medianReviewSeconds: number | null;
};

export type ReasonCount = { week: string; reason: string; count: number };

/**
 * Decisions are the journal's landed saves: corrections (edit, merge, overwrite, restore) and approvals of
 * the text as it stood. Every figure below reads them through the status index, grouped in one pass.
 */
function decisions(filters: TrendFilters): SQL {
  const conditions: SQL[] = [sql`r.status in ('applied', 'accepted')`, sql`r.kind in ('edit', 'merge', 'overwrite', 'restore', 'approve')`];
  if (filters.provider) conditions.push(sql`r.provider = ${filters.provider}`);
  if (filters.reviewerId) conditions.push(sql`r.author_id = ${filters.reviewerId}`);
  if (filters.from) conditions.push(sql`coalesce(r.completed_at, r.created_at) >= ${filters.from.toISOString()}::timestamptz`);
  if (filters.before) conditions.push(sql`coalesce(r.completed_at, r.created_at) < ${filters.before.toISOString()}::timestamptz`);
  return sql.join(conditions, sql` and `);
}

const groupKeys: Record<TrendDimension | "week", SQL> = {
  week: sql`to_char(date_trunc('week', coalesce(r.completed_at, r.created_at) at time zone 'UTC'), 'YYYY-MM-DD')`,
  provider: sql`r.provider`,
  template: sql`coalesce(r.template_key, '')`,
  agent: sql`coalesce(c.agent_name, '')`,
  reviewer: sql`coalesce(u.name, '')`,
};

export async function decisionGroups(db: Db, by: TrendDimension | "week", filters: TrendFilters): Promise<DecisionGroup[]> {
  const key = groupKeys[by];
  const result = await db.execute(sql`
    select ${key} as key,
      count(*)::int as decisions,
      count(*) filter (where r.kind <> 'approve')::int as corrected,
      count(*) filter (where r.kind = 'approve')::int as accepted,
      avg(r.chars_changed) filter (where r.kind <> 'approve')::float8 as avg_chars,
      avg(r.lines_changed) filter (where r.kind <> 'approve')::float8 as avg_lines,
      percentile_cont(0.5) within group (order by r.review_seconds)::float8 as median_seconds
    from summary_revisions r
    ${by === "agent" ? sql`left join calls c on c.provider = r.provider and c.call_id = r.call_id` : sql``}
    ${by === "reviewer" ? sql`left join users u on u.id = r.author_id` : sql``}
    where ${decisions(filters)}
    group by 1
    order by ${by === "week" ? sql`1` : sql`2 desc, 1`}
    limit 200`);
  type Row = { key: string; decisions: number; corrected: number; accepted: number; avg_chars: number | null; avg_lines: number | null; median_seconds: number | null };
  return rowsOf<Row>(result).map((row) => ({
    key: row.key,
    decisions: Number(row.decisions),
    corrected: Number(row.corrected),
    acceptedUnchanged: Number(row.accepted),
    avgCharsChanged: row.avg_chars === null ? null : Number(row.avg_chars),
    avgLinesChanged: row.avg_lines === null ? null : Number(row.avg_lines),
    medianReviewSeconds: row.median_seconds === null ? null : Number(row.median_seconds),
  }));
}

/** How often each reason was given, per week. */
export async function reasonsByWeek(db: Db, filters: TrendFilters): Promise<ReasonCount[]> {
  const result = await db.execute(sql`
    select ${groupKeys.week} as week, reason, count(*)::int as count
    from summary_revisions r, unnest(r.reasons) as reason
    where ${decisions(filters)} and r.reasons is not null
    group by 1, 2
    order by 1, 2`);
  return rowsOf<{ week: string; reason: string; count: number }>(result).map((row) => ({ week: row.week, reason: row.reason, count: Number(row.count) }));
}
