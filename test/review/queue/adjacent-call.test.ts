import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCalls } from "@/lib/db/queries/calls";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import { adjacentCall, listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { toCallRow } from "@/lib/review/queue/sync-calls";
import { createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();

describe.each(drivers)("Alt+↑/↓: the call before or after one in the queue as filtered and sorted (%s)", (driver) => {
  let database: TestDatabase;
  const ids = Array.from({ length: 60 }, (_, index) => `call-${String(index).padStart(2, "0")}`);

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    const now = Date.parse("2026-11-20T12:00:00Z");
    await upsertCalls(
      database.db,
      ids.map((callId, index) =>
        toCallRow(
          {
            ref: { provider: "allo", callId },
            targetId: callId,
            // call-00 is the newest; every third call belongs to another agent.
            startedAt: new Date(now - index * 60_000).toISOString(),
            durationSec: 60,
            direction: "inbound",
            agent: { id: null, name: index % 3 === 0 ? "Devin Park" : "Grace Owusu" },
            counterpart: { name: null, number: "+15550000000" },
            summaryStatus: "ready",
            summaryText: null,
          },
          new Date(),
        ),
      ),
    );
    const lead = await createActor(database, "lead", "Dana Lead");
    await recordReviewDecision(database.db, { provider: "allo", callId: "call-26", targetId: "call-26", status: "approved", userId: lead.id });
  });

  afterAll(async () => {
    await database?.close();
  });

  const query = (params: Record<string, string>) => queueQuerySchema.parse(params);
  const step = (params: Record<string, string>, callId: string, direction: "next" | "previous") =>
    adjacentCall(database, ["allo"], query(params), { provider: "allo", callId }, direction).then((call) => call?.callId);

  it("crosses from the last call of a page to the first of the next, both ways", async () => {
    const firstPage = await listQueue(database, ["allo"], query({}));
    const last = firstPage.items.at(-1)!.callId;
    const secondPage = await listQueue(database, ["allo"], query({ cursor: firstPage.nextCursor! }));
    expect(await step({}, last, "next")).toBe(secondPage.items[0]!.callId);
    expect(await step({}, secondPage.items[0]!.callId, "previous")).toBe(last);
  });

  it("keeps to the filters and the sort the reviewer chose", async () => {
    // Unreviewed only: call-26 was approved, so from call-25 the next is call-27.
    expect(await step({ status: "unreviewed" }, "call-25", "next")).toBe("call-27");
    // One agent only.
    expect(await step({ agent: "Devin Park" }, "call-03", "next")).toBe("call-06");
    // Oldest first: "next" is the newer neighbour.
    expect(await step({ order: "oldest" }, "call-10", "next")).toBe("call-09");
    expect(await step({ order: "oldest" }, "call-10", "previous")).toBe("call-11");
  });

  it("says there is nothing further at either end", async () => {
    expect(await step({}, "call-59", "next")).toBeUndefined();
    expect(await step({}, "call-00", "previous")).toBeUndefined();
    expect(await step({}, "not-indexed", "next")).toBeUndefined();
  });
});
