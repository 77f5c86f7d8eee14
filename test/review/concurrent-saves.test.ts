import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { listRevisions } from "@/lib/db/queries/revisions";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { alloKeyFor } from "../../emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "../../emulator/server";
import { callsByTemplates } from "../support/emulator-calls";
import { countingFetch, createActor } from "../support/review-fixture";
import { openTestDatabase, postgresAvailable } from "../support/test-database";

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
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
    context.database = await openTestDatabase("postgres", 10);
    counter = countingFetch();
    context.adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 5000, fetch: counter.fetch });
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
      texts.map((content) => saveSummaryAction({ provider: "allo", callId, templateKey: null, baseContent: base, baseRevision: 0, content })),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === "conflict")).toHaveLength(19);
    expect(counter.writes() - writesBefore).toBe(1);
    const attempts = (await listRevisions(context.database!.db, { provider: "allo", callId })).filter((row) => row.status !== "observed");
    expect(attempts.map((row) => row.content).sort()).toEqual([...texts].sort());
    expect(attempts.filter((row) => row.status === "applied")).toHaveLength(1);
    const winner = attempts.find((row) => row.status === "applied")!;
    expect((await context.adapter!.getCall(callId)).summary.content).toBe(winner.content);
  });
});
