import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { listRevisions } from "@/lib/db/queries/revisions";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { alloKeyFor } from "../../../emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "../../../emulator/server";
import { callsByTemplates } from "../../support/emulator-calls";
import { countingFetch, createActor } from "../../support/review-fixture";
import { openTestDatabase, postgresAvailable } from "../../support/test-database";

const context = vi.hoisted(() => ({
  userId: null as string | null,
  database: undefined as Database | undefined,
  adapter: undefined as ProviderAdapter | undefined,
}));
vi.mock("@/lib/auth/session-user-id", () => ({ sessionUserId: async () => context.userId }));
vi.mock("@/lib/db/database", () => ({ getDatabase: async () => context.database }));
vi.mock("@/lib/providers/registry", () => ({ getAdapter: () => context.adapter }));

const { saveSummaryAction } = await import("@/app/(desk)/calls/[provider]/[id]/actions");

// Postgres is where several app instances share one lock; the pool is as small as in production.
describe.skipIf(!(await postgresAvailable()))("twenty reviewers save the same summary at once (postgres)", () => {
  let emulator: RunningEmulator;
  let counter: ReturnType<typeof countingFetch>;
  let calls: string[];

  beforeAll(async () => {
    const data = { calls: 30, seed: 23, now: new Date("2026-11-20T12:00:00Z") };
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo"] });
    context.database = await openTestDatabase("postgres", 10);
    counter = countingFetch();
    // A short timeout, so a write whose answer never comes is given up on quickly.
    context.adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 1500, fetch: counter.fetch });
    context.userId = (await createActor(context.database, "reviewer", "Riley Reviewer")).id;
    calls = callsByTemplates(data).singleTemplate;
  });

  afterAll(async () => {
    await context.database?.close();
    await emulator?.close();
  });

  it("applies exactly one, answers nineteen with a conflict, and journals all twenty texts", async () => {
    const callId = calls[0]!;
    const base = (await context.adapter!.getCall(callId)).summary.content!;
    const texts = Array.from({ length: 20 }, (_, index) => `${base}\n- reviewer ${index} was here`);
    const writesBefore = counter.writes();

    const results = await Promise.all(
      texts.map((content) => saveSummaryAction({ provider: "allo", callId, targetId: callId, templateKey: null, baseContent: base, baseRevision: 0, content })),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === "conflict")).toHaveLength(19);
    expect(counter.writes() - writesBefore).toBe(1);
    const attempts = (await listRevisions(context.database!.db, { provider: "allo", targetId: callId })).filter((row) => row.status !== "observed");
    expect(attempts.map((row) => row.content).sort()).toEqual([...texts].sort());
    expect(attempts.filter((row) => row.status === "applied")).toHaveLength(1);
    const winner = attempts.find((row) => row.status === "applied")!;
    expect((await context.adapter!.getCall(callId)).summary.content).toBe(winner.content);
  });

  it.each(["apply-then-hang", "apply-then-reset"])(
    "never applies a save twice nor loses one when the answer to the write is lost (%s)",
    async (fault) => {
      const callId = fault === "apply-then-hang" ? calls[1]! : calls[2]!;
      const base = (await context.adapter!.getCall(callId)).summary.content!;
      const response = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify([`allo.updateSummary:${fault},count=20`]),
      });
      expect(response.ok).toBe(true);
      const texts = Array.from({ length: 20 }, (_, index) => `${base}\n- reviewer ${index}, answer lost`);
      const writesBefore = counter.writes();

      const results = await Promise.all(
        texts.map((content) => saveSummaryAction({ provider: "allo", callId, targetId: callId, templateKey: null, baseContent: base, baseRevision: 0, content })),
      );
      await fetch(`${emulator.url}/__emulator/faults`, { method: "DELETE" });

      // The one write that reached Allo was confirmed by re-reading, not sent again.
      expect(counter.writes() - writesBefore).toBe(1);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.error.code === "conflict")).toHaveLength(19);
      const attempts = (await listRevisions(context.database!.db, { provider: "allo", targetId: callId })).filter((row) => row.status !== "observed");
      expect(attempts.map((row) => row.content).sort()).toEqual([...texts].sort());
      const applied = attempts.filter((row) => row.status === "applied");
      expect(applied).toHaveLength(1);
      expect((await context.adapter!.getCall(callId)).summary.content).toBe(applied[0]!.content);
    },
  );

  it("keeps a save whose write timed out unapplied as a failed, retryable attempt", async () => {
    const callId = calls[3]!;
    const base = (await context.adapter!.getCall(callId)).summary.content!;
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(["allo.updateSummary:hang,count=1"]),
    });
    const content = `${base}\n- the provider never answered`;
    const input = { provider: "allo", callId, targetId: callId, templateKey: null, baseContent: base, baseRevision: 0, content };
    const first = await saveSummaryAction(input);
    expect(first).toMatchObject({ ok: false, error: { code: "provider_error", provider: { kind: "timeout" } } });
    expect((await context.adapter!.getCall(callId)).summary.content).toBe(base);
    const attempts = (await listRevisions(context.database!.db, { provider: "allo", targetId: callId })).filter((row) => row.status !== "observed");
    expect(attempts).toEqual([expect.objectContaining({ status: "failed", content, errorCode: "TIMEOUT" })]);

    // Trying again is safe: the first write never landed, so the base still holds.
    expect(await saveSummaryAction(input)).toMatchObject({ ok: true, outcome: "applied" });
  });
});
