import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/db/queries/users";
import { calls, summaryRevisions, type SummaryRevision } from "@/lib/db/schema";
import { correctionTrends, trendQuerySchema } from "@/lib/review/insights/correction-trends";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
// A Wednesday: its week starts on Monday 2026-11-30; the week before on 2026-11-23.
const now = new Date("2026-12-02T12:00:00Z");

type Row = Partial<SummaryRevision> & Pick<SummaryRevision, "provider" | "targetId" | "callId" | "kind" | "status" | "content">;

describe.each(drivers)("correction trends (%s)", (driver) => {
  let database: TestDatabase;
  let riley: string;
  let rowan: string;

  beforeEach(async () => {
    database = await openTestDatabase(driver);
    const { db } = database;
    riley = (await upsertUser(db, { email: "riley@redline.test", name: "Riley", role: "reviewer" })).id;
    rowan = (await upsertUser(db, { email: "rowan@redline.test", name: "Rowan", role: "reviewer" })).id;
    const at = (iso: string) => new Date(iso);
    const rows: Row[] = [
      // Week of Nov 23: Riley corrects two Allo summaries (one with two reasons) and approves one Quo summary.
      { provider: "allo", targetId: "a1", callId: "a1", kind: "edit", status: "applied", authorId: riley, content: "x", charsChanged: 10, linesChanged: 1, reviewSeconds: 60, reasons: ["wrong_amount", "wrong_date"], completedAt: at("2026-11-24T10:00:00Z") },
      { provider: "allo", targetId: "a2", callId: "a2", templateKey: "MARKDOWN_CLASSIC", kind: "merge", status: "accepted", authorId: riley, content: "x", charsChanged: 30, linesChanged: 3, reviewSeconds: 180, reasons: ["wrong_amount"], completedAt: at("2026-11-25T10:00:00Z") },
      { provider: "openphone", targetId: "q1", callId: "q1", kind: "approve", status: "applied", authorId: riley, content: "x", charsChanged: 0, linesChanged: 0, reviewSeconds: 30, completedAt: at("2026-11-26T10:00:00Z") },
      // Week of Nov 30: Rowan approves an Allo summary and corrects another for a missed commitment.
      { provider: "allo", targetId: "a3", callId: "a3", kind: "approve", status: "applied", authorId: rowan, content: "x", charsChanged: 0, linesChanged: 0, reviewSeconds: 20, completedAt: at("2026-11-30T09:00:00Z") },
      { provider: "allo", targetId: "a4", callId: "a4", kind: "edit", status: "applied", authorId: rowan, content: "x", charsChanged: 50, linesChanged: 2, reviewSeconds: null, reasons: ["missed_commitment"], completedAt: at("2026-12-01T09:00:00Z") },
      // An outcome the reconciler decides later counts once it lands; one that did not land counts never.
    { provider: "allo", targetId: "a5", callId: "a5", kind: "edit", status: "unknown", authorId: riley, content: "x", charsChanged: 5, linesChanged: 1, reasons: ["other"], completedAt: at("2026-12-01T11:00:00Z") },
    { provider: "allo", targetId: "a6", callId: "a6", kind: "edit", status: "unknown", authorId: riley, content: "x", charsChanged: 5, linesChanged: 1, reasons: ["other"], completedAt: at("2026-12-01T11:00:00Z") },
    // Not decisions: a conflict, a failure, the AI original, an outside change; and a save older than the period.
      { provider: "allo", targetId: "a1", callId: "a1", kind: "edit", status: "conflict", authorId: rowan, content: "x", completedAt: at("2026-12-01T10:00:00Z") },
      { provider: "allo", targetId: "a1", callId: "a1", kind: "edit", status: "failed", authorId: rowan, content: "x", completedAt: at("2026-12-01T10:00:00Z") },
      { provider: "allo", targetId: "a1", callId: "a1", kind: "original", status: "observed", content: "x", completedAt: at("2026-11-20T10:00:00Z") },
      { provider: "allo", targetId: "a1", callId: "a1", kind: "outside", status: "observed", content: "x", completedAt: at("2026-12-01T10:00:00Z") },
      { provider: "allo", targetId: "a9", callId: "a9", kind: "edit", status: "applied", authorId: rowan, content: "x", charsChanged: 999, linesChanged: 9, completedAt: at("2026-10-01T10:00:00Z") },
    ];
    // The calls are indexed before they are decided: a decision is counted under the agent its call has then.
    for (const [callId, agentName] of [["a1", "Tomás Reyes"], ["a2", "Tomás Reyes"], ["a3", "Nora Patel"], ["a4", "Nora Patel"]] as const) {
      await db.insert(calls).values({ provider: "allo", callId, startedAt: at("2026-11-20T10:00:00Z"), direction: "inbound", agentName, searchText: agentName.toLowerCase() });
    }
    for (const row of rows) await db.insert(summaryRevisions).values(row);
    await db.update(summaryRevisions).set({ status: "applied" }).where(eq(summaryRevisions.targetId, "a5"));
    await db.update(summaryRevisions).set({ status: "failed" }).where(eq(summaryRevisions.targetId, "a6"));
  });
  afterEach(async () => {
    await database?.close();
  });

  const query = (params: Record<string, string>) => trendQuerySchema.parse(params);

  it("counts decisions per week, every week of the period, with rates, sizes, review times and reasons", async () => {
    const trends = await correctionTrends(database, query({ weeks: "3" }), {}, now);
    expect(trends.weeks).toEqual([
      { key: "2026-11-16", decisions: 0, corrected: 0, acceptedUnchanged: 0, avgCharsChanged: null, avgLinesChanged: null, avgReviewSeconds: null },
      { key: "2026-11-23", decisions: 3, corrected: 2, acceptedUnchanged: 1, avgCharsChanged: 20, avgLinesChanged: 2, avgReviewSeconds: 90 },
      { key: "2026-11-30", decisions: 3, corrected: 2, acceptedUnchanged: 1, avgCharsChanged: 27.5, avgLinesChanged: 1.5, avgReviewSeconds: 20 },
    ]);
    expect(trends.totals).toMatchObject({ decisions: 6, corrected: 4, acceptedUnchanged: 2 });
    expect(trends.reasons.map((week) => [week.week, week.counts.wrong_amount, week.counts.wrong_date, week.counts.missed_commitment, week.counts.other])).toEqual([
      ["2026-11-16", 0, 0, 0, 0],
      ["2026-11-23", 2, 1, 0, 0],
      ["2026-11-30", 0, 0, 1, 1],
    ]);
  });

  it("breaks the period down by provider, template, agent and reviewer", async () => {
    const by = async (dimension: string) => (await correctionTrends(database, query({ weeks: "3", by: dimension }), {}, now)).groups.map((group) => [group.key, group.decisions, group.corrected, group.acceptedUnchanged]);
    expect(await by("provider")).toEqual([["allo", 5, 4, 1], ["openphone", 1, 0, 1]]);
    expect(await by("template")).toEqual([["", 5, 3, 2], ["MARKDOWN_CLASSIC", 1, 1, 0]]);
    expect(await by("agent")).toEqual([["", 2, 1, 1], ["Nora Patel", 2, 1, 1], ["Tomás Reyes", 2, 2, 0]]);
    expect(await by("reviewer")).toEqual([["Riley", 4, 3, 1], ["Rowan", 2, 1, 1]]);
  });

  it("narrows to one provider, and to a reviewer's own decisions", async () => {
    const allo = await correctionTrends(database, query({ weeks: "3", provider: "allo" }), {}, now);
    expect(allo.totals).toMatchObject({ decisions: 5, corrected: 4, acceptedUnchanged: 1 });
    const own = await correctionTrends(database, query({ weeks: "3", by: "reviewer" }), { reviewerId: rowan }, now);
    expect(own.groups.map((group) => group.key)).toEqual(["Rowan"]);
    expect(own.totals).toMatchObject({ decisions: 2, corrected: 1 });
    // A longer period reaches the old save.
    expect((await correctionTrends(database, query({ weeks: "12" }), { reviewerId: rowan }, now)).totals).toMatchObject({ decisions: 3, corrected: 2 });
  });

  it("falls back to the defaults for a malformed query, and says there is nothing when nothing was decided", async () => {
    expect(query({ by: "shoe", weeks: "-3", provider: "nope" })).toEqual({ by: "provider", weeks: 12 });
    const none = await correctionTrends(database, query({ weeks: "3", provider: "twilio" }), {}, now);
    expect(none.totals).toBeNull();
    expect(none.weeks.every((week) => week.decisions === 0)).toBe(true);
  });
});
