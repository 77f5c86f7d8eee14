import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeCalls, upsertCalls } from "@/lib/db/queries/calls";
import { calls, type NewCallRow, type Review } from "@/lib/db/schema";
import { adjacentCall, listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();

const agents = ["Grace Owusu", "Devin Park", "Mia Laurent", "Omar Haddad", "Lena Fischer"];
const statuses: Review["status"][] = ["unreviewed", "in_review", "corrected", "approved"];
// A word four calls hold (two summaries that share a start time, one later summary, one customer's name).
const rareHolders = new Set([14, 15, 240]);
const rareCustomer = 301;

/** 600 calls over about four days, two to a start time, so the keyset's tie on the id is exercised. */
function callRows(): NewCallRow[] {
  return Array.from({ length: 600 }, (_, index) => {
    const agent = agents[index % agents.length]!;
    const customer = index === rareCustomer ? "Chargeback Holdings" : `Customer ${index}`;
    const summary = [
      index % 2 === 0 ? "the customer asked for a refund" : "the customer asked about the plan",
      rareHolders.has(index) ? "and mentioned a chargeback" : "",
    ].join(" ");
    return {
      provider: index % 3 === 0 ? "openphone" : "allo",
      callId: `call-${String(index).padStart(3, "0")}`,
      startedAt: new Date(Date.parse("2026-11-20T12:00:00Z") - Math.floor(index / 2) * 20 * 60_000),
      direction: "inbound",
      agentName: agent,
      counterpartName: customer,
      hasSummary: index % 10 !== 9,
      reviewStatus: index % 7 === 0 ? "corrected" : index % 11 === 0 ? "approved" : "unreviewed",
      searchText: `${agent} ${customer}`.toLowerCase(),
      summaryText: index % 10 === 9 ? null : summary,
    };
  });
}

type Indexed = { id: number; callId: string; provider: string; startedAt: Date; agentName: string | null; reviewStatus: Review["status"]; searchText: string; summaryText: string | null };

describe.each(drivers)("searching the queue with other filters, page by page (%s)", (driver) => {
  let database: TestDatabase;
  let indexed: Indexed[];

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await upsertCalls(database.db, callRows());
    await analyzeCalls(database.db);
    indexed = await database.db.select().from(calls);
  });

  afterAll(async () => {
    await database?.close();
  });

  const provider = (callId: string) => indexed.find((call) => call.callId === callId)!.provider;

  /** What the queue must show, worked out here from every call: the filters' meaning and the order. */
  function expected(params: Record<string, string>, order: "newest" | "oldest") {
    const q = params.q?.toLowerCase();
    const from = params.from ? Date.parse(`${params.from}T00:00:00Z`) : -Infinity;
    const to = params.to ? Date.parse(`${params.to}T00:00:00Z`) + 86_400_000 : Infinity;
    const matching = indexed.filter(
      (call) =>
        (!params.provider || call.provider === params.provider) &&
        (!params.agent || call.agentName === params.agent) &&
        call.startedAt.getTime() >= from &&
        call.startedAt.getTime() < to &&
        (!q || call.searchText.includes(q) || (call.summaryText ?? "").includes(q)),
    );
    const sorted = matching.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id - b.id);
    if (order === "newest") sorted.reverse();
    return {
      callIds: sorted.filter((call) => !params.status || call.reviewStatus === params.status).map((call) => call.callId),
      // Counts ignore the status filter and stop at the queue's cap.
      counts: Object.fromEntries(statuses.map((status) => [status, Math.min(200, matching.filter((call) => call.reviewStatus === status).length)])),
    };
  }

  /** Every page of the queue, following its cursors, and the counts the first page showed. */
  async function walk(params: Record<string, string>, pageSize: number) {
    const callIds: string[] = [];
    let cursor: string | undefined;
    let counts: Record<string, number> | undefined;
    do {
      const page = await listQueue(database, ["allo", "openphone"], queueQuerySchema.parse({ ...params, cursor }), pageSize);
      expect(page.items.length).toBeLessThanOrEqual(pageSize);
      callIds.push(...page.items.map((item) => item.callId));
      counts ??= page.counts;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { callIds, counts };
  }

  const cases: { name: string; params: Record<string, string>; pageSize: number }[] = [
    { name: "a rare term", params: { q: "chargeback" }, pageSize: 3 },
    { name: "a rare term, one provider", params: { q: "CHARGEBACK", provider: "allo" }, pageSize: 1 },
    { name: "a rare term, one status", params: { q: "chargeback", status: "corrected" }, pageSize: 2 },
    { name: "a rare term, one agent and a date range", params: { q: "chargeback", agent: "Grace Owusu", from: "2026-11-16", to: "2026-11-20" }, pageSize: 1 },
    { name: "a common term", params: { q: "refund" }, pageSize: 25 },
    { name: "a common term, one provider and one status", params: { q: "Refund", provider: "openphone", status: "unreviewed" }, pageSize: 9 },
    { name: "a common term, one agent and a date range", params: { q: "refund", agent: "Mia Laurent", from: "2026-11-18", to: "2026-11-19" }, pageSize: 4 },
    { name: "a term no call holds, with a filter", params: { q: "zqxjv", status: "unreviewed" }, pageSize: 5 },
  ];

  for (const { name, params, pageSize } of cases) {
    for (const order of ["newest", "oldest"] as const) {
      it(`${name}, ${order} first: every matching call once, in order, with the counts`, async () => {
        const want = expected({ ...params, order }, order);
        const got = await walk({ ...params, order }, pageSize);
        expect(got.callIds).toEqual(want.callIds);
        expect(got.counts).toEqual(want.counts);
      });
    }
  }

  it("the test data holds what the cases need", () => {
    expect(expected({ q: "chargeback" }, "newest").callIds).toHaveLength(4);
    expect(expected({ q: "chargeback", status: "corrected" }, "newest").callIds.length).toBeGreaterThan(0);
    expect(expected({ q: "chargeback", agent: "Grace Owusu", from: "2026-11-16", to: "2026-11-20" }, "newest").callIds.length).toBeGreaterThan(1);
    // Past the counts' cap, and past a few pages.
    expect(expected({ q: "refund" }, "newest").counts.unreviewed).toBe(200);
    expect(expected({ q: "refund", agent: "Mia Laurent", from: "2026-11-18", to: "2026-11-19" }, "newest").callIds.length).toBeGreaterThan(8);
  });

  const stepped: Record<string, string>[] = [{ q: "chargeback" }, { q: "refund", provider: "allo", status: "unreviewed" }];
  for (const params of stepped) {
    it(`Alt+↑/↓ steps through the same calls as the pages (${JSON.stringify(params)})`, async () => {
      for (const order of ["newest", "oldest"] as const) {
        const { callIds } = expected(params, order);
        // Both ends and a stretch of the middle of a long list.
        const positions = callIds.length <= 12 ? callIds.map((_, index) => index) : [0, 1, 2, 24, 25, 26, callIds.length - 1];
        for (const index of positions) {
          const step = (direction: "next" | "previous") =>
            adjacentCall(database, ["allo", "openphone"], queueQuerySchema.parse({ ...params, order }), { provider: provider(callIds[index]!), callId: callIds[index]! }, direction);
          expect((await step("next"))?.callId).toBe(callIds[index + 1]);
          expect((await step("previous"))?.callId).toBe(callIds[index - 1]);
        }
      }
    });
  }
});
