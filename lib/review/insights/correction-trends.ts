import { z } from "zod";
import type { Database } from "@/lib/db/open-database";
import { decisionGroups, reasonsByWeek, type DecisionGroup, type TrendDimension } from "@/lib/db/queries/trends";
import { providerIdSchema } from "@/lib/providers/provider-id";
import { correctionReasonKeys, type CorrectionReason } from "./correction-reasons";

export type { DecisionGroup, TrendDimension };

export const trendDimensions = ["provider", "template", "agent", "reviewer"] as const satisfies readonly TrendDimension[];

/** The filters of the trends, as the page's URL carries them; anything malformed falls back to the default. */
export const trendQuerySchema = z.object({
  provider: providerIdSchema.optional().catch(undefined),
  by: z.enum(trendDimensions).default("provider").catch("provider"),
  weeks: z.coerce.number().int().min(1).max(104).default(12).catch(12),
});

export type TrendQuery = z.infer<typeof trendQuerySchema>;

export type WeeklyReasons = { week: string; counts: Record<CorrectionReason, number> };

export type CorrectionTrends = {
  /** Every week of the period, oldest first, with zeros where nothing was decided. */
  weeks: DecisionGroup[];
  groups: DecisionGroup[];
  reasons: WeeklyReasons[];
  totals: DecisionGroup | null;
};

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week holding `date`, as Postgres's date_trunc('week') has it. */
function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const empty = (key: string): DecisionGroup => ({ key, decisions: 0, corrected: 0, acceptedUnchanged: 0, avgCharsChanged: null, avgLinesChanged: null, avgReviewSeconds: null });

/**
 * How the AI's summaries fare over time and where: per week, and per provider, template, agent or reviewer,
 * the decisions, how many were corrections and how many accepted the AI's text as it was, how much a
 * correction changed, how long a review took, and why summaries were corrected. `reviewerId` narrows
 * everything to one reviewer's own decisions (what a reviewer sees of themself).
 */
export async function correctionTrends(database: Database, query: TrendQuery, scope: { reviewerId?: string } = {}, now = new Date()): Promise<CorrectionTrends> {
  const first = weekStart(new Date(now.getTime() - (query.weeks - 1) * 7 * DAY_MS));
  const filters = { provider: query.provider, reviewerId: scope.reviewerId, from: first };
  const [byWeek, groups, reasonRows] = await Promise.all([
    decisionGroups(database.db, "week", filters),
    decisionGroups(database.db, query.by, filters),
    reasonsByWeek(database.db, filters),
  ]);
  const weekKeys = Array.from({ length: query.weeks }, (_, index) => isoDay(new Date(first.getTime() + index * 7 * DAY_MS)));
  const found = new Map(byWeek.map((week) => [week.key, week]));
  const reasons = weekKeys.map((week) => {
    const counts = Object.fromEntries(correctionReasonKeys.map((reason) => [reason, 0])) as Record<CorrectionReason, number>;
    for (const row of reasonRows) if (row.week === week && row.reason in counts) counts[row.reason as CorrectionReason] += row.count;
    return { week, counts };
  });
  const decided = groups.reduce((sum, group) => sum + group.decisions, 0);
  return {
    weeks: weekKeys.map((week) => found.get(week) ?? empty(week)),
    groups,
    reasons,
    totals: decided
      ? {
          ...empty("all"),
          decisions: decided,
          corrected: groups.reduce((sum, group) => sum + group.corrected, 0),
          acceptedUnchanged: groups.reduce((sum, group) => sum + group.acceptedUnchanged, 0),
        }
      : null,
  };
}
