import type { Database } from "@/lib/db/open-database";
import { decisionsByAgent, decisionsByProvider, reviewerActivity, type DecisionCounts, type ReviewerActivity } from "@/lib/db/queries/insights";

export type { DecisionCounts, ReviewerActivity };

export type TeamInsights = {
  reviewers: ReviewerActivity[];
  providers: DecisionCounts[];
  agents: DecisionCounts[];
};

/**
 * What leads look at beside the trends: throughput per person, and where the AI's summaries are accepted
 * unchanged. How much reviewers change is in the trends, measured on every save when it was made.
 */
export async function teamInsights(database: Database): Promise<TeamInsights> {
  const { db } = database;
  const [reviewers, providers, agents] = await Promise.all([reviewerActivity(db), decisionsByProvider(db), decisionsByAgent(db)]);
  return { reviewers, providers, agents };
}
