import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { calls } from "@/lib/db/schema";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { recheckSummaries } from "@/lib/review/queue/summary-readiness";
import { syncCalls } from "@/lib/review/queue/sync-calls";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 60, seed: 29, now: new Date(Date.now() - 60 * 60_000) };

describe.each(drivers)("where each provider's summaries stand, in the queue (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  const fixture = generateFixture({ ...data, providers: ["allo", "bland", "twilio"] });
  const adapters = () => (["allo", "bland", "twilio"] as const).map((provider) => emulatorAdapter(emulator, provider));

  const statusOf = async (provider: string, callId: string) => {
    const [row] = await database.db
      .select({ summary: calls.summaryStatus, transcript: calls.transcriptStatus })
      .from(calls)
      .where(and(eq(calls.provider, provider), eq(calls.callId, callId)));
    return row!;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo", "bland", "twilio"] });
    database = await openTestDatabase(driver);
    for (const adapter of adapters()) await syncCalls({ database, adapter }, { pageSize: 100 });
    await recheckSummaries({ database, adapters: adapters() }, { perProvider: 1_000 });
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  it("Allo: ready where the item has a summary, none yet where it has not", async () => {
    const items = fixture.allo!.items.filter((item) => item.type === "CALL");
    expect(items.some((item) => item.summaries.length === 0)).toBe(true);
    for (const item of items) expect((await statusOf("allo", item.id)).summary).toBe(item.summaries.length > 0 ? "ready" : "absent");
  });

  it("Bland: what the contact memory holds, as opening the call shows it; unfinished calls are in progress", async () => {
    const adapter = emulatorAdapter(emulator, "bland");
    const blandCalls = fixture.bland!.calls;
    for (const call of blandCalls.slice(0, 15)) {
      const status = (await statusOf("bland", call.call_id)).summary;
      if (call.completed !== true) {
        expect(status).toBe("in_progress");
        continue;
      }
      const opened = await loadCallForReview({ database, adapter }, call.call_id, { staleAfterMs: 60_000 });
      expect(opened.ok).toBe(true);
      expect(status, call.call_id).toBe(opened.ok && opened.review.content !== null ? "ready" : "absent");
    }
  });

  it("Twilio: every summary is ready, and its API has no transcripts", async () => {
    const twilio = (await listQueue(database, ["twilio"], queueQuerySchema.parse({}), 500)).items;
    expect(twilio.length).toBeGreaterThan(0);
    expect(twilio.every((item) => item.summaryStatus === "ready")).toBe(true);
    const opened = await loadCallForReview({ database, adapter: emulatorAdapter(emulator, "twilio") }, twilio[0]!.callId, { staleAfterMs: 60_000 });
    expect(opened.ok && opened.review.call.transcriptStatus).toBe("not_provided_by_this_api");
    expect(await statusOf("twilio", twilio[0]!.callId)).toEqual({ summary: "ready", transcript: "not_provided_by_this_api" });
  });
});
