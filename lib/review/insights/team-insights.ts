import type { Database } from "@/lib/db/open-database";
import {
  decisionsByAgent,
  decisionsByProvider,
  recentAppliedEdits,
  reviewerActivity,
  type DecisionCounts,
  type ReviewerActivity,
} from "@/lib/db/queries/insights";
import { lineDiff } from "../text/line-diff";

export type { DecisionCounts, ReviewerActivity };

export type ChangeSize = { key: string; edits: number; linesChangedShare: number };

export type TeamInsights = {
  reviewers: ReviewerActivity[];
  providers: DecisionCounts[];
  agents: DecisionCounts[];
  changeByReviewer: ChangeSize[];
  changeByProvider: ChangeSize[];
  changeByTemplate: ChangeSize[];
  sampledEdits: number;
};

/** The share of the original's lines a save removed or rewrote, plus lines it added, against its length. */
function linesChangedShare(base: string | null, content: string): number {
  const diff = lineDiff(base ?? "", content);
  const changed = diff.filter((line) => line.kind !== "same").length;
  return diff.length === 0 ? 0 : changed / diff.length;
}

function averageBy(edits: { key: string; share: number }[]): ChangeSize[] {
  const groups = new Map<string, number[]>();
  for (const edit of edits) groups.set(edit.key, [...(groups.get(edit.key) ?? []), edit.share]);
  return [...groups]
    .map(([key, shares]) => ({ key, edits: shares.length, linesChangedShare: shares.reduce((sum, share) => sum + share, 0) / shares.length }))
    .sort((a, b) => b.linesChangedShare - a.linesChangedShare);
}

const sampleSize = 1000;

/** What leads look at: throughput, how often the AI is accepted unchanged, and how much reviewers change. */
export async function teamInsights(database: Database): Promise<TeamInsights> {
  const { db } = database;
  const [reviewers, providers, agents, edits] = await Promise.all([
    reviewerActivity(db),
    decisionsByProvider(db),
    decisionsByAgent(db),
    recentAppliedEdits(db, sampleSize),
  ]);
  const measured = edits.map((edit) => ({ ...edit, share: linesChangedShare(edit.base, edit.content) }));
  return {
    reviewers,
    providers,
    agents,
    changeByReviewer: averageBy(measured.map((edit) => ({ key: edit.author ?? "unknown", share: edit.share }))),
    changeByProvider: averageBy(measured.map((edit) => ({ key: edit.provider, share: edit.share }))),
    changeByTemplate: averageBy(measured.map((edit) => ({ key: edit.templateKey ?? "single summary", share: edit.share }))),
    sampledEdits: measured.length,
  };
}
