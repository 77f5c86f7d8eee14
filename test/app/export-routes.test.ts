import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { upsertUser } from "@/lib/db/queries/users";
import { seedExportJournal } from "../support/export-journal";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const context = vi.hoisted(() => ({ userId: null as string | null, database: undefined as Database | undefined }));
vi.mock("@/lib/auth/session-user-id", () => ({ sessionUserId: async () => context.userId }));
vi.mock("@/lib/db/database", () => ({ getDatabase: async () => context.database }));

const csvRoute = await import("@/app/api/exports/revisions.csv/route");
const historyRoute = await import("@/app/api/exports/calls/[provider]/[id]/history.json/route");

const drivers = await testDrivers();
const call = (provider: string, id: string) => ({ params: Promise.resolve({ provider, id }) });

describe.each(drivers)("the export routes (%s)", (driver) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedExportJournal>>;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    context.database = database;
    seeded = await seedExportJournal(database);
    context.userId = (await upsertUser(database.db, { email: "lee@redline.test", name: "Lee Lead", role: "lead" })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answer the CSV as a download that is never cached", async () => {
    const response = await csvRoute.GET(new Request("http://localhost/api/exports/revisions.csv?provider=allo"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="redline-revisions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toMatch(/^revision_id,saved_at,/);
    expect(lines[1]).toMatch(new RegExp(`^${seeded.ids[2]},2026-03-01T10:00:02.000Z,Riley Reviewer,`));
  });

  it("refuse malformed filters with a 400 that names them", async () => {
    const response = await csvRoute.GET(new Request("http://localhost/api/exports/revisions.csv?from=2026-13-01&status=nope"));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(["from", "status.0"]);
  });

  it("export a call's whole history: every row of its target, from whichever call, with the call", async () => {
    const response = await historyRoute.GET(new Request("http://localhost/"), call("bland", "c3"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="redline-history-bland-c3.json"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      provider: "bland",
      callId: "c3",
      exportedAt: expect.any(String),
      call: {
        startedAt: "2026-03-04T11:50:00.000Z",
        durationSec: 95,
        direction: "inbound",
        agentName: "Grace Owusu",
        counterpartName: "Pat Customer",
        counterpartNumber: "+15550001111",
        summaryStatus: "ready",
        reviewStatus: "unreviewed",
        targetId: "mem-1",
      },
      targets: ["mem-1"],
    });
    expect(body.revisions).toEqual([
      {
        id: seeded.ids[6],
        targetId: "mem-1",
        callId: "c3",
        templateKey: null,
        kind: "restore",
        status: "applied",
        revision: 2,
        author: { id: seeded.riley.id, name: "Riley Reviewer", email: "riley@redline.test" },
        baseRevision: 0,
        baseContent: "a",
        content: "plain",
        theirContent: null,
        providerVersion: null,
        providerUpdatedAt: null,
        providerUpdatedBy: null,
        outsideWrites: null,
        errorCode: null,
        errorMessage: null,
        requestId: null,
        unresolvedFlags: null,
        createdAt: "2026-03-04T12:00:00.000Z",
        completedAt: "2026-03-04T12:00:01.000Z",
      },
      expect.objectContaining({ id: seeded.ids[7], callId: "c4", kind: "edit", status: "failed", errorCode: "RATE_LIMITED", errorMessage: "Too many requests" }),
    ]);
  });

  it("export a call the queue never indexed from the journal alone, its original and outside changes included", async () => {
    const response = await historyRoute.GET(new Request("http://localhost/"), call("twilio", "c2"));
    const body = await response.json();
    expect(body.call).toBeNull();
    expect(body.revisions.map((row: { kind: string; status: string }) => `${row.kind}:${row.status}`)).toEqual([
      "original:observed",
      "merge:accepted",
      "outside:observed",
    ]);
  });

  it("answer 404 for an unknown provider or call", async () => {
    for (const [provider, id] of [["nope", "c1"], ["allo", "no-such-call"], ["allo", "%E0%A4%A"]] as const) {
      const response = await historyRoute.GET(new Request("http://localhost/"), call(provider, id));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
