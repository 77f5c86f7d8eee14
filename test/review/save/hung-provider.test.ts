import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Actor } from "@/lib/auth/require-role";
import { listRevisions } from "@/lib/db/queries/revisions";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { saveSummary, summaryLockKey } from "@/lib/review/save/save-summary";
import { syncCalls } from "@/lib/review/queue/sync-calls";
import { clearFaults, eventually, setFaults, summaryWrites } from "../../providers/emulator-harness";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { callsByTemplates } from "../../support/emulator-calls";
import { alloEdit, createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 40, seed: 53, now: new Date("2026-11-20T12:00:00Z") };

const hanging = async (emulator: RunningEmulator) =>
  ((await (await fetch(`${emulator.url}/__emulator/faults`)).json()) as { hanging: number }).hanging;

describe.each(drivers)("saves of one summary waiting on a hung provider (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  let reviewers: Actor[];
  const calls = callsByTemplates(data).singleTemplate;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo"] });
    // A small query pool, as a busy instance has: saves waiting for the lock must not hold any of it.
    database = await openTestDatabase(driver, 4);
    reviewers = await Promise.all(Array.from({ length: 20 }, (_, index) => createActor(database, "reviewer", `Reviewer ${index}`)));
    await syncCalls({ database, adapter: emulatorAdapter(emulator, "allo") }, { pageSize: 100 });
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  it("keeps the queue answering while twenty saves wait, then decides every one: one timed out, one applied, the rest conflicts", async () => {
    const callId = calls[0]!;
    // The hung write is given up on after this; the saves behind it wait longer than that.
    const adapter = emulatorAdapter(emulator, "allo", { timeoutMs: 3_000 });
    const target = { provider: "allo" as const, id: callId, templateKey: null };
    const base = (await adapter.getSummary(target)).content!;
    await setFaults(emulator, "allo.updateSummary:hang,count=1");
    const texts = reviewers.map((_, index) => `${base}\n- reviewer ${index}, behind a hung write`);

    const saving = Promise.all(
      texts.map((content, index) =>
        saveSummary({ database, adapter, lockWaitMs: 60_000 }, reviewers[index]!, alloEdit(callId, base, content)),
      ),
    );
    // Every save is journalled and one write hangs at Allo: the other nineteen are waiting for the lock.
    await eventually(() => hanging(emulator), (count) => count >= 1, 20_000);
    await eventually(async () => (await listRevisions(database.db, { provider: "allo", targetId: callId })).filter((row) => row.status === "pending").length, (pending) => pending === 20, 20_000);

    const queue = await listQueue(database, ["allo"], queueQuerySchema.parse({}));
    expect(queue.items.length).toBeGreaterThan(0);
    expect((await listRevisions(database.db, { provider: "allo", targetId: callId })).filter((row) => row.status === "pending")).toHaveLength(20);

    const results = await saving;
    await clearFaults(emulator);
    const rows = (await listRevisions(database.db, { provider: "allo", targetId: callId })).filter((row) => row.status !== "observed");
    expect(rows.map((row) => row.content).sort()).toEqual([...texts].sort());
    expect(rows.filter((row) => row.status === "failed")).toEqual([expect.objectContaining({ errorCode: "TIMEOUT" })]);
    const applied = rows.filter((row) => row.status === "applied");
    expect(applied).toHaveLength(1);
    expect(rows.filter((row) => row.status === "conflict")).toHaveLength(18);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await adapter.getSummary(target)).content).toBe(applied[0]!.content);
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(1);
  });

  it("answers a save that waited too long with 'busy', keeps its text, and sends nothing", async () => {
    const callId = calls[1]!;
    const adapter = emulatorAdapter(emulator, "allo");
    const base = (await adapter.getSummary({ provider: "allo", id: callId, templateKey: null })).content!;
    // Another instance's save holds this summary.
    const held = (await database.locks.acquire(summaryLockKey({ provider: "allo", targetId: callId }), 0))!;
    expect(held).not.toBeNull();
    try {
      const content = `${base}\n- waited too long`;
      const result = await saveSummary({ database, adapter, lockWaitMs: 50 }, reviewers[0]!, alloEdit(callId, base, content));
      expect(result).toMatchObject({ ok: false, error: { code: "busy" } });
      const rows = (await listRevisions(database.db, { provider: "allo", targetId: callId })).filter((row) => row.status !== "observed");
      expect(rows).toEqual([expect.objectContaining({ status: "failed", errorCode: "BUSY", content })]);
    } finally {
      await held.release();
    }
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(0);
  });
});
