import { pageRecordingAdapter } from "../../support/page-recording-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import { syncStates, updateSync } from "@/lib/db/queries/sync-state";
import { calls } from "@/lib/db/schema";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import { ProviderError } from "@/lib/providers/provider-error";
import type { ProviderAdapter } from "@/lib/providers/types";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { syncCalls } from "@/lib/review/queue/sync-calls";
import { alloKeyFor } from "../../../emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "../../../emulator/server";
import { createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers } from "../../support/test-database";

const drivers = await testDrivers();

const outage = (inner: ProviderAdapter) =>
  new ProviderError({ provider: inner.id, status: 503, code: "SERVICE_UNAVAILABLE", kind: "unavailable", message: "down", retryable: true });
const totalCalls = 240;

describe.each(drivers)("syncing the queue index (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: Database;
  let allo: ProviderAdapter;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, calls: totalCalls, seed: 3, now: new Date("2026-11-20T12:00:00Z"), rateLimits: false, providers: ["allo"] } as Parameters<typeof startEmulator>[0]);
    database = await openTestDatabase(driver);
    allo = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 5000 });
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  const indexed = async () => (await database.db.select().from(calls)).length;

  it("resumes an interrupted pass from the page it stopped on, and indexes every call once", async () => {
    // The read of page 3 fails once, as a provider outage would.
    const first = pageRecordingAdapter(allo, { page: 3, run: async () => Promise.reject(outage(allo)) });
    const failed = await syncCalls({ database, adapter: first.adapter }, { pageSize: 50 });
    expect(failed).toMatchObject({ status: "failed", error: { code: "SERVICE_UNAVAILABLE" } });
    expect(first.pages).toEqual([1, 2, 3]);
    expect(await indexed()).toBe(100);
    expect((await syncStates(database.db))[0]).toMatchObject({ status: "failed", nextPage: 3, processed: 100 });

    const second = pageRecordingAdapter(allo);
    const resumed = await syncCalls({ database, adapter: second.adapter }, { pageSize: 50 });
    expect(resumed).toEqual({ status: "completed", provider: "allo", processed: totalCalls });
    expect(second.pages).toEqual([3, 4, 5]);
    expect(await indexed()).toBe(totalCalls);
  });

  it("stops an incremental pass once it reaches calls it already has", async () => {
    const again = pageRecordingAdapter(allo);
    const result = await syncCalls({ database, adapter: again.adapter }, { pageSize: 50 });
    expect(result.status).toBe("completed");
    expect(again.pages).toEqual([1]);
    expect(await indexed()).toBe(totalCalls);
  });

  it("lets one process hold a pass, and takes over a pass whose holder died", async () => {
    await updateSync(database.db, "allo", { status: "running", nextPage: 4, heartbeatAt: new Date() });
    expect(await syncCalls({ database, adapter: allo }, { pageSize: 50 })).toEqual({ status: "busy", provider: "allo" });

    await updateSync(database.db, "allo", { heartbeatAt: new Date(Date.now() - 10 * 60_000) });
    const takeover = pageRecordingAdapter(allo);
    const result = await syncCalls({ database, adapter: takeover.adapter }, { pageSize: 50, leaseMs: 60_000 });
    expect(result.status).toBe("completed");
    expect(takeover.pages[0]).toBe(4);
  });

  it("filters and pages the queue from the index, keeping Redline's review status", async () => {
    const lead = await createActor(database, "lead", "Dana Lead");
    const all = await listQueue(database, ["allo"], queueQuerySchema.parse({}), 500);
    expect(all.items).toHaveLength(totalCalls);
    expect(all.items.map((item) => item.startedAt)).toEqual([...all.items.map((item) => item.startedAt)].sort().reverse());

    const target = all.items[7]!;
    await recordReviewDecision(database.db, { provider: "allo", callId: target.callId, targetId: target.callId, status: "corrected", userId: lead.id });
    const corrected = await listQueue(database, ["allo"], queueQuerySchema.parse({ status: "corrected" }));
    expect(corrected.items.map((item) => item.callId)).toEqual([target.callId]);
    expect(corrected.counts.corrected).toBe(1);
    expect(corrected.counts.unreviewed).toBe(totalCalls - 1);

    const agent = target.agentName!;
    const byAgent = await listQueue(database, ["allo"], queueQuerySchema.parse({ agent }), 500);
    expect(byAgent.items.length).toBeGreaterThan(0);
    expect(byAgent.items.every((item) => item.agentName === agent)).toBe(true);

    const name = target.counterpartName ?? target.counterpartNumber!;
    const byText = await listQueue(database, ["allo"], queueQuerySchema.parse({ q: name.slice(0, 6).toUpperCase() }), 500);
    expect(byText.items.map((item) => item.callId)).toContain(target.callId);

    const day = target.startedAt.slice(0, 10);
    const byDay = await listQueue(database, ["allo"], queueQuerySchema.parse({ from: day, to: day }), 500);
    expect(byDay.items.every((item) => item.startedAt.startsWith(day))).toBe(true);
    expect(byDay.items.map((item) => item.callId)).toContain(target.callId);

    // Walking the pages by cursor visits every call exactly once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listQueue(database, ["allo"], queueQuerySchema.parse({ cursor }), 25);
      seen.push(...page.items.map((item) => item.callId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(totalCalls);
    expect(seen).toHaveLength(totalCalls);
  });
});
