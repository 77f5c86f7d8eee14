import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/require-role";
import type { Database } from "@/lib/db/open-database";
import { listRevisions } from "@/lib/db/queries/revisions";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { dropsEveryChangeOfTheirs } from "@/lib/review/save/overwrite-rule";
import { saveSummary } from "@/lib/review/save/save-summary";
import { alloKeyFor } from "../../../emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "../../../emulator/server";
import { callsByTemplates, type CallsByTemplates } from "../../support/emulator-calls";
import { alloEdit, createActor } from "../../support/review-fixture";
import { summaryWrites } from "../../providers/emulator-harness";
import { openTestDatabase, testDrivers } from "../../support/test-database";

describe("what counts as replacing their version", () => {
  const base = "- Customer called about INV-1.\n- Price quoted: $129.\n";
  const theirs = "- Customer called about INV-1.\n- Price quoted: $192.\n- Callback on Friday.\n";

  it("a result with none of their lines, or with a line they removed back, drops their changes", () => {
    expect(dropsEveryChangeOfTheirs(base, theirs, base)).toBe(true);
    expect(dropsEveryChangeOfTheirs(base, theirs, `${base}- My own note.\n`)).toBe(true);
  });

  it("keeping any one of their changes is a merge", () => {
    expect(dropsEveryChangeOfTheirs(base, theirs, `${base}- Callback on Friday.\n`)).toBe(false);
    expect(dropsEveryChangeOfTheirs(base, theirs, "- Customer called about INV-1.\n- Price quoted: $192.\n")).toBe(false);
    // Their removal of the $129 line is kept by not having it.
    expect(dropsEveryChangeOfTheirs(base, theirs, "- Customer called about INV-1.\n")).toBe(false);
    expect(dropsEveryChangeOfTheirs(base, theirs, "- Something else entirely.\n")).toBe(false);
  });

  it("blank lines and line endings are not changes", () => {
    expect(dropsEveryChangeOfTheirs(base, `${base}\n\n`, base)).toBe(false);
    expect(dropsEveryChangeOfTheirs(base, theirs.replace(/\n/g, "\r\n"), theirs)).toBe(false);
  });
});

const drivers = await testDrivers();

describe.each(drivers)("only a lead replaces someone else's version, whatever the save is called (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: Database;
  let adapter: ProviderAdapter;
  let calls: CallsByTemplates;
  let riley: Actor;
  let rowan: Actor;
  let lee: Actor;

  beforeAll(async () => {
    const data = { calls: 60, seed: 13, now: new Date("2026-11-20T12:00:00Z") };
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
    calls = callsByTemplates(data);
    database = await openTestDatabase(driver);
    adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 5_000, rateLimit: null });
    riley = await createActor(database, "reviewer", "Riley Reviewer");
    rowan = await createActor(database, "reviewer", "Rowan Reviewer");
    lee = await createActor(database, "lead", "Lee Lead");
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  const deps = () => ({ database, adapter });
  const providerText = async (callId: string) => (await adapter.getSummary({ provider: "allo", id: callId, templateKey: null })).content;

  /** Riley saves a change; Rowan, still on the AI text, saves another and meets Riley's as a conflict. */
  async function conflictFor(actor: Actor, index: number) {
    const callId = calls.singleTemplate[index]!;
    const base = (await providerText(callId))!;
    const rileys = `${base}\n- Riley: the customer asked for a refund.`;
    expect((await saveSummary(deps(), riley, alloEdit(callId, base, rileys))).ok).toBe(true);
    const mine = `${base}\n- ${actor.name}: callback on Friday.`;
    const met = await saveSummary(deps(), actor, alloEdit(callId, base, mine));
    expect(met.ok === false && met.error.code).toBe("conflict");
    return { callId, base, rileys, mine };
  }

  for (const intent of ["merge", "edit", "restore"] as const) {
    it(`refuses a reviewer's "${intent}" that keeps none of the colleague's changes, keeping the text and writing nothing`, async () => {
      const { callId, rileys, mine } = await conflictFor(rowan, ["merge", "edit", "restore"].indexOf(intent));
      const writesBefore = (await summaryWrites(emulator, { provider: "allo", target: callId })).length;

      const replaced = await saveSummary(deps(), rowan, { ...alloEdit(callId, rileys, mine, 1), intent });
      expect(replaced.ok === false && replaced.error.code).toBe("forbidden");
      expect(await providerText(callId)).toBe(rileys);
      expect((await summaryWrites(emulator, { provider: "allo", target: callId })).length).toBe(writesBefore);
      const [last] = (await listRevisions(database.db, { provider: "allo", targetId: callId })).slice(-1);
      expect(last).toMatchObject({ authorId: rowan.id, status: "failed", errorCode: "OVERWRITE_NEEDS_LEAD", content: mine });

      // Keeping the colleague's line is a merge, and goes through.
      const merged = `${rileys}\n- Rowan: callback on Friday.`;
      expect((await saveSummary(deps(), rowan, { ...alloEdit(callId, rileys, merged, 1), intent })).ok).toBe(true);
      expect(await providerText(callId)).toBe(merged);
    });
  }

  it("lets a lead do it, journalled as the overwrite it is", async () => {
    const { callId, rileys, mine } = await conflictFor(lee, 3);
    const saved = await saveSummary(deps(), lee, { ...alloEdit(callId, rileys, mine, 1), intent: "merge" });
    expect(saved.ok).toBe(true);
    expect(await providerText(callId)).toBe(mine);
    const [last] = (await listRevisions(database.db, { provider: "allo", targetId: callId })).slice(-1);
    expect(last).toMatchObject({ authorId: lee.id, status: "applied", kind: "overwrite", content: mine });
  });

  it("leaves an ordinary edit of a colleague's saved text alone", async () => {
    const callId = calls.singleTemplate[4]!;
    const base = (await providerText(callId))!;
    const rileys = `${base}\n- Riley: refund.`;
    expect((await saveSummary(deps(), riley, alloEdit(callId, base, rileys))).ok).toBe(true);
    // Rowan opened after Riley's save: no conflict met, so rewriting it is editing, not overwriting.
    expect((await saveSummary(deps(), rowan, alloEdit(callId, rileys, base, 1))).ok).toBe(true);
  });
});
