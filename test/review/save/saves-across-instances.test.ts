import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Actor } from "@/lib/auth/require-role";
import type { Database } from "@/lib/db/open-database";
import { upsertCalls } from "@/lib/db/queries/calls";
import { claimNextCall } from "@/lib/db/queries/claims";
import { listRevisions } from "@/lib/db/queries/revisions";
import type { ProviderAdapter } from "@/lib/providers/types";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { saveSummary, type SaveSummaryResult } from "@/lib/review/save/save-summary";
import { syncCalls, toCallRow } from "@/lib/review/queue/sync-calls";
import { clearFaults, setFaults, summaryWrites } from "../../providers/emulator-harness";
import { blandCallsSharingMemory } from "../../support/bland-shared-memory";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { callsByTemplates } from "../../support/emulator-calls";
import { createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 80, seed: 7, now: new Date("2026-11-20T12:00:00Z") };
const timing = { staleAfterMs: 60_000 };

type Stack = { database: Database; adapter: ProviderAdapter };

/**
 * Two app instances on one database: on Postgres each has its own pools (as two `next start` would), on the
 * embedded database they share the one process's. Each has its own adapters, so nothing is shared in memory.
 */
describe.each(drivers)("saves of one summary from two app instances (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  let peer: Database;
  let reviewers: Actor[];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo", "bland"] });
    database = await openTestDatabase(driver);
    peer = await database.peer();
    reviewers = await Promise.all(Array.from({ length: 20 }, (_, index) => createActor(database, "reviewer", `Reviewer ${index}`)));
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  const stacks = (provider: "allo" | "bland"): [Stack, Stack] => [
    { database, adapter: emulatorAdapter(emulator, provider) },
    { database: peer, adapter: emulatorAdapter(emulator, provider) },
  ];

  async function open(stack: Stack, callId: string) {
    const loaded = await loadCallForReview(stack, callId, timing);
    if (!loaded.ok) throw new Error(loaded.error.message);
    return loaded.review;
  }

  const attempts = async (provider: string, targetId: string) =>
    (await listRevisions(database.db, { provider, targetId })).filter((row) => row.status !== "observed");

  it("two calls that share one Bland contact memory, saved at once from one base: one applied, one conflict, no text lost", async () => {
    const shared = blandCallsSharingMemory(data)[0]!;
    const [firstCall, secondCall] = shared.callIds as [string, string];
    const [a, b] = stacks("bland");
    await syncCalls(a, { pageSize: 100 });
    const [openedA, openedB] = [await open(a, firstCall), await open(b, secondCall)];
    expect(openedA.call.target?.id).toBe(shared.memoryId);
    expect(openedB.call.target?.id).toBe(shared.memoryId);
    expect(openedB.shared).toMatchObject({ calls: 2 });
    const base = openedA.content!;
    expect(openedB.content).toBe(base);

    // A slow write keeps the first save inside its write while the second re-reads: the lock must hold it off.
    await setFaults(emulator, "bland.updateMemorySummary:latency=300");
    const texts = [`${base}\nCorrected from the first call.`, `${base}\nCorrected from the second call.`];
    const results = await Promise.all([
      saveSummary(a, reviewers[0]!, { provider: "bland", callId: firstCall, targetId: shared.memoryId, templateKey: null, baseContent: base, baseRevision: 0, content: texts[0]! }),
      saveSummary(b, reviewers[1]!, { provider: "bland", callId: secondCall, targetId: shared.memoryId, templateKey: null, baseContent: base, baseRevision: 0, content: texts[1]! }),
    ]);
    await clearFaults(emulator);

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === "conflict")).toHaveLength(1);
    const rows = await attempts("bland", shared.memoryId);
    expect(rows.map((row) => row.content).sort()).toEqual([...texts].sort());
    const winner = rows.find((row) => row.status === "applied")!;
    const loser = rows.find((row) => row.status === "conflict")!;
    expect(loser.theirContent).toBe(winner.content);
    expect((await a.adapter.getSummary({ provider: "bland", id: shared.memoryId, templateKey: null })).content).toBe(winner.content);
    expect(await summaryWrites(emulator, { provider: "bland", target: shared.memoryId })).toHaveLength(1);
    // The decision is the memory's: the queue shows both calls as corrected.
    const corrected = await listQueue(database, ["bland"], queueQuerySchema.parse({ status: "corrected" }), 200);
    expect(corrected.items.map((item) => item.callId)).toEqual(expect.arrayContaining([firstCall, secondCall]));
  });

  it("twenty saves of one summary split across two instances: exactly one applied, nineteen conflicts, twenty journal rows", async () => {
    const callId = callsByTemplates(data).singleTemplate[0]!;
    const [a, b] = stacks("allo");
    const base = (await open(a, callId)).content!;
    const texts = reviewers.map((_, index) => `${base}\n- reviewer ${index} was here`);

    const results = await Promise.all(
      texts.map((content, index) =>
        saveSummary(index % 2 === 0 ? a : b, reviewers[index]!, { provider: "allo", callId, targetId: callId, templateKey: null, baseContent: base, baseRevision: 0, content }),
      ),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === "conflict")).toHaveLength(19);
    const rows = await attempts("allo", callId);
    expect(rows).toHaveLength(20);
    expect(rows.map((row) => row.content).sort()).toEqual([...texts].sort());
    const applied = rows.filter((row) => row.status === "applied");
    expect(applied).toHaveLength(1);
    expect((await a.adapter.getSummary({ provider: "allo", id: callId, templateKey: null })).content).toBe(applied[0]!.content);
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(1);
  });

  it("approvals racing a save: no approval stands for a text its reviewer never saw, and every approval journals its text", async () => {
    const callId = callsByTemplates(data).singleTemplate[1]!;
    const [a, b] = stacks("allo");
    const base = (await open(a, callId)).content!;
    const edited = `${base}\n- the one edit`;

    const results: SaveSummaryResult[] = await Promise.all(
      reviewers.map((reviewer, index) => {
        const stack = index % 2 === 0 ? a : b;
        const common = { provider: "allo" as const, callId, targetId: callId, templateKey: null, baseContent: base, baseRevision: 0 };
        return index === 7
          ? saveSummary(stack, reviewer, { ...common, content: edited })
          : saveSummary(stack, reviewer, { ...common, content: base, intent: "approve" });
      }),
    );

    expect(results.filter((result) => !result.ok && result.error.code !== "conflict")).toEqual([]);
    const rows = await attempts("allo", callId);
    expect(rows).toHaveLength(20);
    const save = rows.find((row) => row.kind === "edit")!;
    expect(save).toMatchObject({ status: "applied", content: edited });
    const approvals = rows.filter((row) => row.kind === "approve");
    expect(approvals).toHaveLength(19);
    for (const approval of approvals) {
      // The text approved is journalled with the approval.
      expect(approval.content).toBe(base);
      // The lock orders them: one decided after the edit landed met the edited text and was refused; one that
      // stands was decided before the edit, while the text was still the one its reviewer saw.
      if (approval.status === "conflict") {
        expect(approval.theirContent).toBe(edited);
        expect(approval.completedAt!.getTime()).toBeGreaterThanOrEqual(save.completedAt!.getTime());
      } else {
        expect(approval.status).toBe("applied");
        expect(approval.completedAt!.getTime()).toBeLessThanOrEqual(save.completedAt!.getTime());
      }
    }
    expect((await a.adapter.getSummary({ provider: "allo", id: callId, templateKey: null })).content).toBe(edited);
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(1);
  });

  it("journals the AI original once however many first opens race", async () => {
    const callId = callsByTemplates(data).singleTemplate[2]!;
    const [a, b] = stacks("allo");
    await Promise.all(Array.from({ length: 10 }, (_, index) => open(index % 2 === 0 ? a : b, callId)));
    const rows = await listRevisions(database.db, { provider: "allo", targetId: callId });
    expect(rows.filter((row) => row.kind === "original")).toHaveLength(1);
  });

  it("sends reviewers asking for the next call at once to different calls, each claimed for them", async () => {
    const now = Date.parse("2026-11-21T12:00:00Z");
    const ids = Array.from({ length: 30 }, (_, index) => `next-${index}`);
    await upsertCalls(
      database.db,
      ids.map((callId, index) =>
        toCallRow(
          {
            ref: { provider: "twilio", callId },
            targetId: callId,
            startedAt: new Date(now - index * 60_000).toISOString(),
            durationSec: 60,
            direction: "inbound",
            agent: null,
            counterpart: { name: null, number: null },
            summaryStatus: "ready",
            summaryText: null,
          },
          new Date(),
        ),
      ),
    );
    const picked = await Promise.all(
      reviewers.map((reviewer, index) => claimNextCall((index % 2 === 0 ? database : peer).db, ["twilio"], reviewer.id, 300_000)),
    );
    const callIds = picked.map((call) => call?.callId);
    expect(callIds.every((callId) => callId !== undefined)).toBe(true);
    expect(new Set(callIds).size).toBe(reviewers.length);
    // Newest first: the twenty newest calls went out.
    expect([...callIds].sort()).toEqual(ids.slice(0, reviewers.length).sort());
  });
});
