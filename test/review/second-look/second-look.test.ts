import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/require-role";
import { secondLooks, summaryRevisions, type SummaryRevision } from "@/lib/db/schema";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { saveSummary } from "@/lib/review/save/save-summary";
import { decideSecondLook } from "@/lib/review/second-look/decide-second-look";
import { reviewerAgreement } from "@/lib/review/second-look/reviewer-agreement";
import { sampleForSecondLook } from "@/lib/review/second-look/sample-for-second-look";
import { changeSecondLookShare, secondLookShare } from "@/lib/review/second-look/second-look-share";
import { secondLookQueue } from "@/lib/review/second-look/second-look-queue";
import { alloKeyFor } from "../../../emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "../../../emulator/server";
import { callsByTemplates, type CallsByTemplates } from "../../support/emulator-calls";
import { alloEdit, createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();

type Row = Partial<SummaryRevision> & Pick<SummaryRevision, "provider" | "targetId" | "callId" | "kind" | "status" | "content">;

describe.each(drivers)("second looks (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  let adapter: ProviderAdapter;
  let calls: CallsByTemplates;
  let riley: Actor;
  let rowan: Actor;
  let lead: Actor;
  let admin: Actor;

  beforeAll(async () => {
    const data = { calls: 60, seed: 19, now: new Date("2026-11-20T12:00:00Z") };
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
    calls = callsByTemplates(data);
    adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 5000 });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(async () => {
    await database?.close();
    database = await openTestDatabase(driver);
    riley = await createActor(database, "reviewer", "Riley Reviewer");
    rowan = await createActor(database, "reviewer", "Rowan Reviewer");
    lead = await createActor(database, "lead", "Lee Lead");
    admin = await createActor(database, "admin", "Ada Admin");
  });
  afterAll(async () => {
    await database?.close();
  });

  const setShare = (percent: number) => changeSecondLookShare(database.db, lead, { percent });

  /** Journals one landed decision (or another row) and samples it, as the save does once it lands. */
  async function land(actor: Actor, row: Partial<Row> = {}): Promise<number> {
    const [inserted] = await database.db
      .insert(summaryRevisions)
      .values({ provider: "allo", targetId: `t${Math.random()}`, callId: "c", kind: "edit", status: "applied", content: "x", authorId: actor.id, ...row })
      .returning({ id: summaryRevisions.id });
    await sampleForSecondLook(database, actor, inserted!.id);
    return inserted!.id;
  }

  const sampled = async () =>
    database.db.select({ revisionId: secondLooks.revisionId, reviewerId: secondLooks.reviewerId }).from(secondLooks).orderBy(secondLooks.revisionId);

  it("samples exactly the configured share of each reviewer's decisions, evenly", async () => {
    expect(await secondLookShare(database.db)).toBe(0.1);
    const rileys: number[] = [];
    const rowans: number[] = [];
    // Interleaved: Riley's 100 decisions (corrections and approvals), Rowan's 40, and attempts that are not decisions.
    for (let i = 0; i < 100; i++) {
      rileys.push(await land(riley, { kind: i % 3 === 0 ? "approve" : "edit", status: i % 5 === 0 ? "accepted" : "applied" }));
      if (i % 10 === 0) await land(riley, { status: "conflict" });
      if (i % 10 === 5) await land(riley, { status: "failed" });
      if (i < 40) rowans.push(await land(rowan));
    }
    const rows = await sampled();
    // Every tenth decision of each reviewer: the 10th, 20th, … of Riley's; the 10th, 20th, 30th, 40th of Rowan's.
    expect(rows.filter((row) => row.reviewerId === riley.id).map((row) => row.revisionId)).toEqual(rileys.filter((_, i) => (i + 1) % 10 === 0));
    expect(rows.filter((row) => row.reviewerId === rowan.id).map((row) => row.revisionId)).toEqual(rowans.filter((_, i) => (i + 1) % 10 === 0));
  });

  it("samples a quarter as every fourth decision, and a share with no whole period exactly too", async () => {
    await setShare(25);
    const quarter: number[] = [];
    for (let i = 0; i < 100; i++) quarter.push(await land(riley));
    expect((await sampled()).map((row) => row.revisionId)).toEqual(quarter.filter((_, i) => (i + 1) % 4 === 0));
    await setShare(29);
    for (let i = 0; i < 100; i++) await land(rowan);
    expect((await sampled()).filter((row) => row.reviewerId === rowan.id)).toHaveLength(29);
  });

  it("never samples a lead's or an admin's own decisions, nor anything at 0%", async () => {
    await setShare(100);
    for (let i = 0; i < 5; i++) {
      await land(lead);
      await land(admin, { kind: "approve" });
    }
    expect(await sampled()).toEqual([]);
    await setShare(0);
    for (let i = 0; i < 5; i++) await land(riley);
    expect(await sampled()).toEqual([]);
  });

  it("samples a real save, and a save still lands when sampling fails", async () => {
    await setShare(100);
    const callId = calls.singleTemplate[0]!;
    const loaded = await loadCallForReview({ database, adapter }, callId, { staleAfterMs: 60_000 });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const base = loaded.review.call.summary.content!;
    const approved = await saveSummary({ database, adapter }, riley, { ...alloEdit(callId, base, base), intent: "approve" });
    expect(approved).toMatchObject({ ok: true, outcome: "approved" });
    expect(await sampled()).toEqual([{ revisionId: approved.ok ? approved.journalId : -1, reviewerId: riley.id }]);

    await database.db.execute(sql`alter table second_looks rename to second_looks_away`);
    try {
      const saved = await saveSummary({ database, adapter }, riley, alloEdit(callId, base, `${base}\n\n- Sampling is down.`, 0));
      expect(saved).toMatchObject({ ok: true, outcome: "applied" });
    } finally {
      await database.db.execute(sql`alter table second_looks_away rename to second_looks`);
    }
  });

  it("records agreement and a lead's correction saved from the second look, and the agreement rate per reviewer", async () => {
    await setShare(100);
    const decisions = [await land(riley), await land(riley, { kind: "approve" }), await land(rowan)];
    const queue = await secondLookQueue(database);
    expect(queue.open).toBe(3);
    expect(queue.share).toBe(1);
    const [lookA, lookB] = queue.items.map((item) => item.id);
    expect(queue.items.map((item) => [item.reviewerName, item.kind])).toEqual([
      ["Riley Reviewer", "edit"],
      ["Riley Reviewer", "approve"],
      ["Rowan Reviewer", "edit"],
    ]);
    expect(queue.items).toHaveLength(decisions.length);

    expect(await decideSecondLook(database.db, lead, lookA!, { verdict: "agree" })).toEqual({ ok: true, verdict: "agree" });
    // A reviewer decides none; nor does a correction of another summary.
    expect(await decideSecondLook(database.db, riley, lookB!, { verdict: "agree" })).toMatchObject({ ok: false, error: { code: "forbidden" } });

    // The lead corrects a real call's summary from Rowan's second look… which must be of that call.
    const callId = calls.singleTemplate[1]!;
    const [journal] = await database.db
      .insert(summaryRevisions)
      .values({ provider: "allo", targetId: callId, callId, kind: "edit", status: "applied", content: "x", authorId: rowan.id })
      .returning({ id: summaryRevisions.id });
    await sampleForSecondLook(database, rowan, journal!.id);
    const fromCall = (await secondLookQueue(database)).items.find((item) => item.callId === callId)!;
    const loaded = await loadCallForReview({ database, adapter }, callId, { staleAfterMs: 60_000 });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const base = loaded.review.call.summary.content!;
    const wrongLook = await saveSummary({ database, adapter }, lead, { ...alloEdit(callId, base, `${base}\n- one`), secondLookId: lookB! });
    expect(wrongLook).toMatchObject({ ok: true, secondLook: { ok: false, error: { code: "other_summary" } } });
    const corrected = await saveSummary({ database, adapter }, lead, { ...alloEdit(callId, `${base}\n- one`, `${base}\n- two`, 1), secondLookId: fromCall.id });
    expect(corrected).toMatchObject({ ok: true, secondLook: { ok: true, verdict: "corrected" } });
    const [row] = await database.db.select().from(secondLooks).where(sql`${secondLooks.id} = ${fromCall.id}`);
    expect(row).toMatchObject({ verdict: "corrected", leadId: lead.id, correctionRevisionId: corrected.ok ? corrected.journalId : -1 });
    expect(await decideSecondLook(database.db, admin, lookB!, { verdict: "agree" })).toEqual({ ok: true, verdict: "agree" });

    expect(await reviewerAgreement(database)).toEqual([
      { name: "Riley Reviewer", waiting: 0, lookedAt: 2, agreed: 2, corrected: 0, rate: 1 },
      { name: "Rowan Reviewer", waiting: 1, lookedAt: 1, agreed: 0, corrected: 1, rate: 0 },
    ]);
    expect((await secondLookQueue(database)).open).toBe(1);
  });

  it("a reviewer's save carrying a second look's id lands and decides nothing", async () => {
    await setShare(100);
    await land(rowan);
    const [look] = (await secondLookQueue(database)).items;
    const callId = calls.singleTemplate[2]!;
    const loaded = await loadCallForReview({ database, adapter }, callId, { staleAfterMs: 60_000 });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const base = loaded.review.call.summary.content!;
    const saved = await saveSummary({ database, adapter }, riley, { ...alloEdit(callId, base, `${base}\n- mine`), secondLookId: look!.id });
    expect(saved).toMatchObject({ ok: true, outcome: "applied", secondLook: { ok: false, error: { code: "forbidden" } } });
    expect((await secondLookQueue(database)).items.map((item) => item.id)).toContain(look!.id);
  });

  it("is decided once: of two leads deciding at once, one wins and the other is told who did", async () => {
    await setShare(100);
    await land(riley);
    const [look] = (await secondLookQueue(database)).items;
    const second = await createActor(database, "lead", "Lou Lead");
    const peer = await database.peer();
    const answers = await Promise.all([
      decideSecondLook(database.db, lead, look!.id, { verdict: "agree" }),
      decideSecondLook(peer.db, second, look!.id, { verdict: "agree" }),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    const lost = answers.find((answer) => !answer.ok);
    expect(lost).toMatchObject({ ok: false, error: { code: "already_decided", message: expect.stringMatching(/^(Lee|Lou) Lead already agreed with it/) } });
    expect(await decideSecondLook(database.db, lead, 99_999, { verdict: "agree" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
