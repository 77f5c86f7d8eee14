import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../open-database";
import { rowsOf } from "./rows-of";

export type TrendFilters = { provider?: string; reviewerId?: string; from?: Date };
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
  /** The average time from claiming the call to deciding, over decisions that had a claim. */
  avgReviewSeconds: number | null;
};

export type ReasonCount = { week: string; reason: string; count: number };

/**
 * Decisions are the journal's landed saves: corrections (edit, merge, overwrite, restore) and approvals of
 * the text as it stood. They are read from the rollups the journal's trigger keeps per week, provider,
 * template, agent and reviewer (migration 0020), so a view costs the same at 100,000 decisions as at 1,000.
 */
function conditions(filters: TrendFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.provider) parts.push(sql`d.provider = ${filters.provider}`);
  if (filters.reviewerId) parts.push(sql`d.author_id = ${filters.reviewerId}`);
  if (filters.from) parts.push(sql`d.week >= ${filters.from.toISOString().slice(0, 10)}::date`);
  return sql.join(parts, sql` and `);
}

const groupKeys: Record<TrendDimension | "week", SQL> = {
  week: sql`to_char(d.week, 'YYYY-MM-DD')`,
  provider: sql`d.provider`,
  template: sql`d.template_key`,
  agent: sql`d.agent_name`,
  reviewer: sql`coalesce(u.name, '')`,
};

export async function decisionGroups(db: Db, by: TrendDimension | "week", filters: TrendFilters): Promise<DecisionGroup[]> {
  const key = groupKeys[by];
  const result = await db.execute(sql`
    select ${key} as key,
      sum(d.decisions)::int as decisions,
      sum(d.corrected)::int as corrected,
      sum(d.accepted)::int as accepted,
      (sum(d.chars_sum)::float8 / nullif(sum(d.sized), 0)) as avg_chars,
      (sum(d.lines_sum)::float8 / nullif(sum(d.sized), 0)) as avg_lines,
      (sum(d.review_seconds_sum)::float8 / nullif(sum(d.reviewed), 0)) as avg_seconds
    from decision_rollups d
    ${by === "reviewer" ? sql`left join users u on u.id = d.author_id` : sql``}
    where ${conditions(filters)}
    group by 1
    having sum(d.decisions) > 0
    order by ${by === "week" ? sql`1` : sql`2 desc, 1`}
    limit 200`);
  type Row = { key: string; decisions: number; corrected: number; accepted: number; avg_chars: number | null; avg_lines: number | null; avg_seconds: number | null };
  return rowsOf<Row>(result).map((row) => ({
    key: row.key,
    decisions: Number(row.decisions),
    corrected: Number(row.corrected),
    acceptedUnchanged: Number(row.accepted),
    avgCharsChanged: row.avg_chars === null ? null : Number(row.avg_chars),
    avgLinesChanged: row.avg_lines === null ? null : Number(row.avg_lines),
    avgReviewSeconds: row.avg_seconds === null ? null : Number(row.avg_seconds),
  }));
}

/** How often each reason was given, per week. */
export async function reasonsByWeek(db: Db, filters: TrendFilters): Promise<ReasonCount[]> {
  const result = await db.execute(sql`
    select to_char(d.week, 'YYYY-MM-DD') as week, d.reason, sum(d.count)::int as count
    from reason_rollups d
    where ${conditions(filters)}
    group by 1, 2
    having sum(d.count) > 0
    order by 1, 2`);
  return rowsOf<{ week: string; reason: string; count: number }>(result).map((row) => ({ week: row.week, reason: row.reason, count: Number(row.count) }));
}
