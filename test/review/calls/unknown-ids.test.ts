import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/require-role";
import { providerErrorStatus } from "@/lib/providers/provider-error";
import { listRevisions } from "@/lib/db/queries/revisions";
import { reviews } from "@/lib/db/schema";
import type { ProviderAdapter } from "@/lib/providers/types";
import { claimForReview } from "@/lib/review/calls/claim-call";
import { checkSummary } from "@/lib/review/save/check-summary";
import { saveSummary } from "@/lib/review/save/save-summary";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { callsByTemplates, type CallsByTemplates } from "../../support/emulator-calls";
import { alloEdit, createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 30, seed: 5, now: new Date("2026-11-20T12:00:00Z") };

describe.each(drivers)("ids no provider has write nothing (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  let adapter: ProviderAdapter;
  let calls: CallsByTemplates;
  let reviewer: Actor;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo"] });
    calls = callsByTemplates(data);
    database = await openTestDatabase(driver);
    adapter = emulatorAdapter(emulator, "allo");
    reviewer = await createActor(database, "reviewer", "Riley Reviewer");
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  // Well-formed, but no call of the provider's.
  const unknownId = () => calls.singleTemplate[0]!.replace(/.{6}$/, "zzzzzz");

  it("refuses an approval of an unknown call before journalling anything; a save's text is journalled and fails", async () => {
    const id = unknownId();
    const approval = await saveSummary({ database, adapter }, reviewer, { ...alloEdit(id, "a", "a"), intent: "approve" });
    expect(approval.ok === false && approval.error.code).toBe("invalid_input");
    expect(await listRevisions(database.db, { provider: "allo", targetId: id })).toEqual([]);

    const save = await saveSummary({ database, adapter }, reviewer, alloEdit(id, "a", "b"));
    expect(save.ok).toBe(false);
    expect(await listRevisions(database.db, { provider: "allo", targetId: id })).toMatchObject([{ status: "failed", content: "b" }]);
  });

  it("claims nothing for a call the queue does not hold", async () => {
    expect(await claimForReview(database, reviewer, { provider: "allo", callId: unknownId() })).toBeNull();
    expect(await database.db.select().from(reviews)).toEqual([]);
  });

  it("answers 404 for the summary of an unknown call, and still saves a real call the queue has not listed yet", async () => {
    const checked = await checkSummary({ database, adapter }, unknownId());
    expect(checked.ok === false && providerErrorStatus(checked.error.kind)).toBe(404);
    expect(checked.ok === false && providerErrorStatus("unavailable")).toBe(502);

    const real = calls.singleTemplate[1]!;
    const base = (await adapter.getSummary({ provider: "allo", id: real, templateKey: null })).content;
    expect((await saveSummary({ database, adapter }, reviewer, alloEdit(real, base, `${base}\n- Checked.`))).ok).toBe(true);
  });
});
