import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { createActor } from "../support/review-fixture";
import { openTestDatabase } from "../support/test-database";

const context = vi.hoisted(() => ({ userId: null as string | null, database: undefined as Database | undefined }));
vi.mock("@/lib/auth/session-user-id", () => ({ sessionUserId: async () => context.userId }));
vi.mock("@/lib/db/database", () => ({ getDatabase: async () => context.database }));
vi.mock("@/lib/providers/registry", () => ({ configuredProviders: () => [], getAdapter: () => null }));

const syncRoute = await import("@/app/api/sync/route");
const historyRoute = await import("@/app/api/calls/[provider]/[id]/history/route");

describe("route handlers check the session themselves", () => {
  beforeAll(async () => {
    context.database = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await context.database?.close();
  });

  it("answer a signed-out request with 401 and a message", async () => {
    context.userId = null;
    const response = await syncRoute.GET();
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
    const history = await historyRoute.GET(new Request("http://localhost/"), { params: Promise.resolve({ provider: "allo", id: "cll-1" }) });
    expect(history.status).toBe(401);
  });

  it("serve a signed-in viewer, and refuse an unknown provider", async () => {
    context.userId = (await createActor(context.database!, "viewer", "Val Viewer")).id;
    const response = await syncRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ providers: [] });
    const history = await historyRoute.GET(new Request("http://localhost/"), { params: Promise.resolve({ provider: "nope", id: "x" }) });
    expect(history.status).toBe(404);
  });
});
