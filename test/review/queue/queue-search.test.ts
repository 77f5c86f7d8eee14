import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { syncCalls } from "@/lib/review/queue/sync-calls";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 60, seed: 71, now: new Date("2026-11-20T12:00:00Z") };

/** A word of a summary that only a few calls' summaries hold: what a reviewer remembers of a call. */
function rareWord(summaries: string[]): string {
  const counts = new Map<string, number>();
  for (const text of summaries) for (const word of new Set(text.toLowerCase().match(/[a-z0-9-]{6,}/g) ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].filter(([, count]) => count === 1).sort(([a], [b]) => a.localeCompare(b))[0]![0];
}

describe.each(drivers)("searching the queue by what a summary says (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  const fixture = generateFixture({ ...data, providers: ["allo", "bland"] });

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo", "bland"] });
    database = await openTestDatabase(driver);
    await syncCalls({ database, adapter: emulatorAdapter(emulator, "allo") }, { pageSize: 100 });
    await syncCalls({ database, adapter: emulatorAdapter(emulator, "bland") }, { pageSize: 100 });
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  const search = async (q: string) => (await listQueue(database, ["allo", "bland"], queueQuerySchema.parse({ q }), 100)).items.map((item) => item.callId);

  it("finds an Allo call by a phrase of its summary, in any case, and nothing for a phrase no summary holds", async () => {
    const calls = fixture.allo!.items.flatMap((item) => (item.type === "CALL" && item.summaries.length === 1 ? [item] : []));
    const word = rareWord(calls.map((call) => call.summaries[0]!.content));
    const holder = calls.find((call) => call.summaries[0]!.content.toLowerCase().includes(word))!;
    expect(await search(word.toUpperCase())).toEqual([holder.id]);
    expect(await search("no summary says zqxjv")).toEqual([]);
  });

  it("finds a Bland call by its contact memory's text once the call has been opened", async () => {
    const adapter = emulatorAdapter(emulator, "bland");
    const listed = (await listQueue(database, ["bland"], queueQuerySchema.parse({}), 100)).items;
    // The first call, newest first, whose contact has a memory with text.
    for (const { callId } of listed) {
      const opened = await loadCallForReview({ database, adapter }, callId, { staleAfterMs: 60_000 });
      if (!opened.ok || !opened.review.content) continue;
      const phrase = opened.review.content.split(/\s+/).slice(2, 5).join(" ");
      expect(await search(phrase)).toContain(callId);
      return;
    }
    throw new Error("The test data has no Bland call whose contact memory has text");
  });

  it("stops offering a call whose contact has no memory once it has been opened", async () => {
    const adapter = emulatorAdapter(emulator, "bland");
    const listed = (await listQueue(database, ["bland"], queueQuerySchema.parse({}), 100)).items;
    for (const { callId } of listed) {
      const opened = await loadCallForReview({ database, adapter }, callId, { staleAfterMs: 60_000 });
      if (!opened.ok || opened.review.content !== null) continue;
      const after = (await listQueue(database, ["bland"], queueQuerySchema.parse({}), 100)).items.find((item) => item.callId === callId);
      expect(after).toMatchObject({ summaryStatus: "absent" });
      return;
    }
    throw new Error("The test data has no Bland call without a memory summary");
  });
});
