import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { listRevisions } from "@/lib/db/queries/revisions";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { alloKeyFor } from "../../../emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "../../../emulator/server";
import { callsByTemplates } from "../../support/emulator-calls";
import { countingFetch, createActor } from "../../support/review-fixture";
import { openTestDatabase } from "../../support/test-database";

// The action is called as the browser would call it; only the session cookie and the process-wide
// database and adapter are stood in for.
const context = vi.hoisted(() => ({
  userId: null as string | null,
  database: undefined as Database | undefined,
  adapter: undefined as ProviderAdapter | undefined,
}));
vi.mock("@/lib/auth/session-user-id", () => ({ sessionUserId: async () => context.userId }));
vi.mock("@/lib/db/database", () => ({ getDatabase: async () => context.database }));
vi.mock("@/lib/providers/registry", () => ({ getAdapter: () => context.adapter }));

const { saveSummaryAction } = await import("@/app/(desk)/calls/[provider]/[id]/actions");

describe("the save action checks the session and the role itself", () => {
  let emulator: RunningEmulator;
  let counter: ReturnType<typeof countingFetch>;
  let callId: string;
  let base: string;

  beforeAll(async () => {
    const data = { calls: 20, seed: 5, now: new Date("2026-11-20T12:00:00Z") };
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
    context.database = await openTestDatabase("pglite");
    counter = countingFetch();
    context.adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 5000, fetch: counter.fetch });
    callId = callsByTemplates(data).singleTemplate[0]!;
    base = (await context.adapter.getCall(callId)).summary.content!;
  });

  afterAll(async () => {
    await context.database?.close();
    await emulator?.close();
  });

  beforeEach(() => {
    context.userId = null;
  });

  const input = () => ({ provider: "allo", callId, targetId: callId, templateKey: null, baseContent: base, baseRevision: 0, content: `${base}\n- edit` });

  it("refuses a signed-out request", async () => {
    const result = await saveSummaryAction(input());
    expect(result).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(counter.writes()).toBe(0);
  });

  it("refuses a viewer, journals nothing and sends nothing", async () => {
    context.userId = (await createActor(context.database!, "viewer", "Val Viewer")).id;
    const result = await saveSummaryAction(input());
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(counter.writes()).toBe(0);
    expect(await listRevisions(context.database!.db, { provider: "allo", targetId: callId })).toEqual([]);
  });

  it("refuses malformed input with a message", async () => {
    context.userId = (await createActor(context.database!, "reviewer", "Riley Reviewer")).id;
    const result = await saveSummaryAction({ ...input(), provider: "nope", baseRevision: "x" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  it("saves for a reviewer", async () => {
    context.userId = (await createActor(context.database!, "reviewer", "Riley Reviewer")).id;
    const result = await saveSummaryAction(input());
    expect(result).toMatchObject({ ok: true, meta: { revision: 1, savedBy: "Riley Reviewer" } });
    expect(counter.writes()).toBe(1);
  });
});
