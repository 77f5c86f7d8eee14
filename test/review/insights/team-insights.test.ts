import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { upsertCalls } from "@/lib/db/queries/calls";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import { completeRevision, insertPendingRevision } from "@/lib/db/queries/revisions";
import { toCallRow } from "@/lib/review/queue/sync-calls";
import { teamInsights } from "@/lib/review/insights/team-insights";
import { createActor } from "../../support/review-fixture";
import { openTestDatabase } from "../../support/test-database";

describe("team insights", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts saves, approvals and conflicts per reviewer, acceptance per provider and agent, from counters the journal keeps", async () => {
    const riley = await createActor(database, "reviewer", "Riley Reviewer");
    const rowan = await createActor(database, "reviewer", "Rowan Reviewer");
    const call = (callId: string, agent: string) =>
      toCallRow(
        {
          ref: { provider: "allo", callId },
          targetId: callId,
          startedAt: "2026-11-20T10:00:00Z",
          durationSec: 60,
          direction: "inbound",
          agent: { id: null, name: agent },
          counterpart: { name: null, number: "+15550000000" },
          summaryStatus: "ready",
          summaryText: null,
        },
        new Date(),
      );
    await upsertCalls(database.db, [call("c1", "Grace Owusu"), call("c2", "Grace Owusu"), call("c3", "Devin Park")]);

    const base = "line one\nline two\nline three\nline four";
    const saved = await insertPendingRevision(database.db, {
      provider: "allo",
      targetId: "c1",
      callId: "c1",
      templateKey: null,
      authorId: riley.id,
      kind: "edit",
      baseContent: base,
      baseRevision: 0,
      content: "line one\nline 2\nline three\nline four",
    });
    await completeRevision(database.db, saved, { status: "applied", revision: 1 });
    await recordReviewDecision(database.db, { provider: "allo", callId: "c1", targetId: "c1", status: "corrected", userId: riley.id });
    const refused = await insertPendingRevision(database.db, {
      provider: "allo",
      targetId: "c1",
      callId: "c1",
      templateKey: null,
      authorId: rowan.id,
      kind: "edit",
      baseContent: base,
      baseRevision: 0,
      content: "something else",
    });
    await completeRevision(database.db, refused, { status: "conflict" });
    // Asked which template the text replaces: a question, not a failed save.
    const asked = await insertPendingRevision(database.db, {
      provider: "allo",
      targetId: "c1",
      callId: "c1",
      templateKey: null,
      authorId: riley.id,
      kind: "edit",
      baseContent: base,
      baseRevision: 0,
      content: "which template?",
    });
    await completeRevision(database.db, asked, { status: "template_asked", errorCode: "SUMMARY_TEMPLATE_KEY_REQUIRED" });
    const failed = await insertPendingRevision(database.db, {
      provider: "allo",
      targetId: "c1",
      callId: "c1",
      templateKey: null,
      authorId: rowan.id,
      kind: "edit",
      baseContent: base,
      baseRevision: 0,
      content: "the provider was down",
    });
    await completeRevision(database.db, failed, { status: "failed", errorCode: "SERVICE_UNAVAILABLE" });
    await recordReviewDecision(database.db, { provider: "allo", callId: "c2", targetId: "c2", status: "approved", userId: rowan.id });
    await recordReviewDecision(database.db, { provider: "allo", callId: "c3", targetId: "c3", status: "approved", userId: rowan.id });

    const insights = await teamInsights(database);
    expect(insights.reviewers).toEqual([
      { name: "Riley Reviewer", saves: 1, conflicts: 0, failures: 0, approvals: 0 },
      { name: "Rowan Reviewer", saves: 0, conflicts: 1, failures: 1, approvals: 2 },
    ]);
    expect(insights.providers).toEqual([{ key: "allo", corrected: 1, approved: 2, unreviewed: 0 }]);
    expect(insights.agents).toEqual(
      expect.arrayContaining([
        { key: "Grace Owusu", corrected: 1, approved: 1, unreviewed: 0 },
        { key: "Devin Park", corrected: 0, approved: 1, unreviewed: 0 },
      ]),
    );
  });
});
