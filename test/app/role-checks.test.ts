import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/open-database";
import { createActor } from "../support/review-fixture";
import { openTestDatabase } from "../support/test-database";

// Every action and route is called as the browser would call it; only the session cookie and the process-wide
// database and provider registry are stood in for. No provider is configured: a request that gets past the
// role check meets "not configured", which proves the check let it through.
const context = vi.hoisted(() => ({ userId: null as string | null, database: undefined as Database | undefined }));
vi.mock("@/lib/auth/session-user-id", () => ({
  sessionUserId: async () => context.userId,
  // Signed in just now: admin changes need a recent proof of identity (tested in account-actions.test.ts).
  activeSession: async () => (context.userId ? { userId: context.userId, sessionId: "test", method: "password", authenticatedAt: new Date() } : null),
}));
vi.mock("@/lib/db/database", () => ({ getDatabase: async () => context.database }));
vi.mock("@/lib/providers/registry", () => ({ configuredProviders: () => [], getAdapter: () => null }));
vi.mock("@/lib/auth/auth", () => ({ signOut: async () => undefined }));

const { saveSummaryAction } = await import("@/app/(desk)/calls/[provider]/[id]/actions");
const { adjacentCallAction, nextCallAction, stillHereAction } = await import("@/app/(desk)/actions");
const { startSyncAction } = await import("@/app/(desk)/queue/actions");
const { setSsoRequirementAction } = await import("@/app/(desk)/settings/actions");
const { agreeSecondLookAction, setSecondLookShareAction } = await import("@/app/(desk)/insights/second-look/actions");
const summaryRoute = await import("@/app/api/calls/[provider]/[id]/summary/route");
const historyRoute = await import("@/app/api/calls/[provider]/[id]/history/route");
const claimRoute = await import("@/app/api/calls/[provider]/[id]/claim/route");
const savesRoute = await import("@/app/api/calls/[provider]/[id]/saves/[journalId]/route");
const syncRoute = await import("@/app/api/sync/route");
const revisionsExportRoute = await import("@/app/api/exports/revisions.csv/route");
const historyExportRoute = await import("@/app/api/exports/calls/[provider]/[id]/history.json/route");

type Answer = { refused: "unauthenticated" | "forbidden" | "internal" | null };

// A bug behind the check answers "internal": counted apart, so it cannot pass for "let through".
const fromAction = (result: { ok: boolean; error?: { code: string } }): Answer => ({
  refused: !result.ok && (result.error?.code === "unauthenticated" || result.error?.code === "forbidden" || result.error?.code === "internal") ? result.error.code : null,
});
const fromResponse = (response: Response): Answer => ({
  refused: response.status === 401 ? "unauthenticated" : response.status === 403 ? "forbidden" : null,
});

const call = { params: Promise.resolve({ provider: "allo", id: "cll-1" }) };
const request = () => new Request("http://localhost/");
const saveInput = { provider: "allo", callId: "cll-1", targetId: "cll-1", templateKey: null, baseContent: "a", baseRevision: 0, content: "b" };

/** Each way in, with the least role it needs. */
const entries: Array<{ name: string; least: Role; call: () => Promise<Answer> }> = [
  { name: "save action", least: "reviewer", call: async () => fromAction(await saveSummaryAction(saveInput)) },
  { name: "approve (the save action)", least: "reviewer", call: async () => fromAction(await saveSummaryAction({ ...saveInput, content: "a", intent: "approve" })) },
  { name: "next call action", least: "reviewer", call: async () => fromAction(await nextCallAction()) },
  {
    name: "adjacent call action",
    least: "viewer",
    call: async () => fromAction(await adjacentCallAction({ provider: "allo", callId: "cll-1", queue: "", direction: "next" })),
  },
  { name: "activity report action", least: "viewer", call: async () => fromAction(await stillHereAction()) },
  { name: "sync action", least: "reviewer", call: async () => fromAction(await startSyncAction()) },
  { name: "single sign-on requirement action", least: "admin", call: async () => fromAction(await setSsoRequirementAction({ required: false })) },
  { name: "second look agree action", least: "lead", call: async () => fromAction(await agreeSecondLookAction({ id: 1 })) },
  { name: "second look share action", least: "lead", call: async () => fromAction(await setSecondLookShareAction({ percent: 10 })) },
  { name: "summary route", least: "viewer", call: async () => fromResponse(await summaryRoute.GET(request(), call)) },
  { name: "history route", least: "viewer", call: async () => fromResponse(await historyRoute.GET(request(), call)) },
  { name: "claim route", least: "reviewer", call: async () => fromResponse(await claimRoute.POST(request(), call)) },
  { name: "release route", least: "reviewer", call: async () => fromResponse(await claimRoute.DELETE(request(), call)) },
  {
    name: "confirmation route",
    least: "reviewer",
    call: async () => fromResponse(await savesRoute.GET(request(), { params: Promise.resolve({ provider: "allo", id: "cll-1", journalId: "1" }) })),
  },
  { name: "sync status route", least: "viewer", call: async () => fromResponse(await syncRoute.GET()) },
  {
    name: "revisions export route",
    least: "lead",
    call: async () => fromResponse(await revisionsExportRoute.GET(new Request("http://localhost/api/exports/revisions.csv"))),
  },
  { name: "call history export route", least: "lead", call: async () => fromResponse(await historyExportRoute.GET(request(), call)) },
];

const roles: Role[] = ["viewer", "reviewer", "lead", "admin"];
const rank: Record<Role, number> = { viewer: 0, reviewer: 1, lead: 2, admin: 3 };

describe("every action and route checks the session and the role itself", () => {
  const users = {} as Record<Role, string>;

  beforeAll(async () => {
    context.database = await openTestDatabase("pglite");
    for (const role of roles) users[role] = (await createActor(context.database, role, `${role} user`)).id;
  });
  afterAll(async () => {
    await context.database?.close();
  });

  it.each(entries)("$name refuses a signed-out request", async (entry) => {
    context.userId = null;
    expect(await entry.call()).toEqual({ refused: "unauthenticated" });
  });

  it.each(entries.flatMap((entry) => roles.map((role) => ({ ...entry, role }))))("$name as $role", async (entry) => {
    context.userId = users[entry.role];
    expect(await entry.call()).toEqual({ refused: rank[entry.role] < rank[entry.least] ? "forbidden" : null });
  });

  it("answers a malformed request without running anything, and a bug with an id instead of a stack", async () => {
    context.userId = users.reviewer;
    expect(await saveSummaryAction({ provider: "allo" })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    const registry = await import("@/lib/providers/registry");
    const broken = vi.spyOn(registry, "configuredProviders").mockImplementation(() => {
      throw new Error("secret internals");
    });
    const answer = await nextCallAction();
    broken.mockRestore();
    expect(answer).toMatchObject({ ok: false, error: { code: "internal", errorId: expect.any(String) } });
    expect(JSON.stringify(answer)).not.toContain("secret internals");
  });
});
