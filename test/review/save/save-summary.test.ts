import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/require-role";
import type { Database } from "@/lib/db/open-database";
import { listRevisions } from "@/lib/db/queries/revisions";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { saveSummary, type SaveSummaryInput } from "@/lib/review/save/save-summary";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { alloKeyFor } from "../../../emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "../../../emulator/server";
import { countingFetch, createActor, patchAsColleague } from "../../support/review-fixture";
import { openTestDatabase, testDrivers } from "../../support/test-database";
import { callsByTemplates, type CallsByTemplates } from "../../support/emulator-calls";

const drivers = await testDrivers();

describe.each(drivers)("saving a summary (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: Database;
  let adapter: ProviderAdapter;
  let counter: ReturnType<typeof countingFetch>;
  let reviewer: Actor;
  let secondReviewer: Actor;
  let viewer: Actor;
  let calls: CallsByTemplates;

  beforeAll(async () => {
    const data = { calls: 80, seed: 11, now: new Date("2026-11-20T12:00:00Z") };
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
    calls = callsByTemplates(data);
    database = await openTestDatabase(driver);
    counter = countingFetch();
    adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 5000, fetch: counter.fetch });
    reviewer = await createActor(database, "reviewer", "Riley Reviewer");
    secondReviewer = await createActor(database, "reviewer", "Rowan Reviewer");
    viewer = await createActor(database, "viewer", "Val Viewer");
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  const deps = () => ({ database, adapter });
  /** The save attempts in the journal, leaving out the texts Redline only observed. */
  const attempts = async (callId: string) =>
    (await listRevisions(database.db, { provider: "allo", targetId: callId })).filter((row) => row.status !== "observed");

  async function opened(callId: string) {
    const loaded = await loadCallForReview(deps(), callId, { staleAfterMs: 60_000 });
    if (!loaded.ok) throw new Error(loaded.error.message);
    return loaded.review;
  }

  function edit(callId: string, base: string | null, content: string, baseRevision = 0, templateKey: string | null = null): SaveSummaryInput {
    return { provider: "allo", callId, targetId: callId, templateKey, baseContent: base, baseRevision, content };
  }

  it("applies a save, and the provider version goes up with every save", async () => {
    const callId = calls.singleTemplate[0]!;
    const before = await opened(callId);
    expect(before.meta).toBeNull();
    const base = before.call.summary.content!;

    const first = await saveSummary(deps(), reviewer, edit(callId, base, `${base}\n\n- Promised a callback on Friday.`));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.meta.revision).toBe(1);
    expect(first.meta.savedBy).toBe("Riley Reviewer");
    expect(first.meta.providerUpdatedBy).toBe("Redline Integration");
    expect(first.meta.version).toEqual(expect.any(Number));

    const second = await saveSummary(deps(), reviewer, edit(callId, first.content, `${first.content}\n- Price quoted: $49/month.`, 1));
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.meta.revision).toBe(2);
    expect(second.meta.version).toBe(first.meta.version! + 1);
    expect(second.meta.outsideWrites).toBeNull();

    const after = await opened(callId);
    expect(after.call.summary.content).toBe(second.content);
    expect(after.meta).toMatchObject({ revision: 2, version: second.meta.version, savedBy: "Riley Reviewer" });
  });

  it("keeps the evidence checks a reviewer saved past with the revision, and nothing where the page did not check", async () => {
    // A call no other test here saves to: this one counts the journal's rows.
    const callId = calls.singleTemplate[8]!;
    const base = (await opened(callId)).call.summary.content!;
    const flag = { kind: "money" as const, reason: "contradicted" as const, text: "$129.00", message: "$129.00 is not said in the call; the closest is $192.00 (turn 4)", turn: 4 };
    const flagged = await saveSummary(deps(), reviewer, {
      ...edit(callId, base, `${base}\n\n- Refund of $129.00.`),
      unresolvedFlags: [flag],
      reasons: ["missed_commitment", "wrong_amount", "missed_commitment"],
    });
    expect(flagged.ok).toBe(true);
    if (!flagged.ok) return;
    const unchecked = await saveSummary(deps(), reviewer, edit(callId, flagged.content, `${flagged.content}\n- Call back Friday.`, 1));
    expect(unchecked.ok).toBe(true);
    const [first, second] = await attempts(callId);
    // Sizes are measured against the AI's original, so the second save counts both added lines.
    // A blank line and the bullet; measured against the AI's original, so the second save counts all it added.
    expect(first).toMatchObject({ status: "applied", unresolvedFlags: [flag], reasons: ["missed_commitment", "wrong_amount"], linesChanged: 3, charsChanged: 22 });
    expect(second).toMatchObject({ status: "applied", unresolvedFlags: null, reasons: null, linesChanged: 4, charsChanged: 22 + "\n- Call back Friday.".length });
    expect(await saveSummary(deps(), reviewer, { ...edit(callId, base, "x"), unresolvedFlags: [{ ...flag, kind: "shoe size" }] as never }).catch((error: Error) => error.name)).toBe("ZodError");
  });

  it("refuses a stale base with a conflict, writes nothing to the provider and keeps both texts", async () => {
    const callId = calls.singleTemplate[1]!;
    const base = (await opened(callId)).call.summary.content!;
    const theirs = `${base}\n\nEdited in Allo by a colleague.`;
    await patchAsColleague(emulator.url, callId, theirs);

    const writesBefore = counter.writes();
    const mine = `${base}\n\nThe customer asked for a refund of $120.`;
    const result = await saveSummary(deps(), reviewer, edit(callId, base, mine));
    expect(counter.writes()).toBe(writesBefore);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("conflict");
    if (result.error.code !== "conflict") return;
    expect(result.error.conflict.currentContent).toBe(theirs);
    expect((await opened(callId)).call.summary.content).toBe(theirs);

    const journal = await listRevisions(database.db, { provider: "allo", targetId: callId });
    expect(journal.map((row) => [row.kind, row.status, row.content])).toEqual([
      ["original", "observed", base],
      ["edit", "conflict", mine],
      ["outside", "observed", theirs],
    ]);
    expect(journal[1]).toMatchObject({ baseContent: base, theirContent: theirs, authorId: reviewer.id });
  });

  it("names the Redline reviewer whose save caused a conflict", async () => {
    const callId = calls.singleTemplate[2]!;
    const base = (await opened(callId)).call.summary.content!;
    const first = await saveSummary(deps(), secondReviewer, edit(callId, base, `${base}\n- Rowan's fix.`));
    expect(first.ok).toBe(true);
    const late = await saveSummary(deps(), reviewer, edit(callId, base, `${base}\n- Riley's fix.`));
    expect(late.ok).toBe(false);
    if (late.ok || late.error.code !== "conflict") throw new Error("expected a conflict");
    expect(late.error.conflict.changedBy).toEqual({ name: "Rowan Reviewer", via: "redline" });
    expect(late.error.conflict.changedAt).toEqual(expect.any(String));
  });

  it("records the outside writes Allo counted between two Redline saves", async () => {
    const callId = calls.singleTemplate[3]!;
    const base = (await opened(callId)).call.summary.content!;
    const first = await saveSummary(deps(), reviewer, edit(callId, base, `${base}\n- one`));
    if (!first.ok) throw new Error(first.error.message);
    // A colleague writes twice, ending on Redline's text, so the next save is not a conflict.
    await patchAsColleague(emulator.url, callId, "temporary");
    await patchAsColleague(emulator.url, callId, first.content);
    const second = await saveSummary(deps(), reviewer, edit(callId, first.content, `${first.content}\n- two`, 1));
    if (!second.ok) throw new Error(second.error.message);
    expect(second.meta.version).toBe(first.meta.version! + 3);
    expect(second.meta.outsideWrites).toBe(2);
  });

  it("describes the text shown: after a colleague's change, the page says it was changed outside Redline, not by the last saver", async () => {
    const callId = calls.singleTemplate[5]!;
    const base = (await opened(callId)).content!;
    const saved = await saveSummary(deps(), reviewer, edit(callId, base, `${base}\n- Riley's line`));
    if (!saved.ok) throw new Error(saved.error.message);
    expect((await opened(callId)).meta).toMatchObject({ revision: 1, savedBy: "Riley Reviewer", changedOutside: false });

    const colleague = await patchAsColleague(emulator.url, callId, `${saved.content}\n- the colleague's line`);
    const reopened = await opened(callId);
    expect(reopened.content).toBe(`${saved.content}\n- the colleague's line`);
    expect(reopened.meta).toMatchObject({ revision: 1, savedBy: null, changedOutside: true });
    expect(colleague.version).toBeGreaterThan(saved.meta.version!);
  });

  it("asks for a template when the call has two, and saves once one is chosen", async () => {
    const callId = calls.twoTemplates[0]!;
    const base = (await opened(callId)).call.summary.content!;
    const mine = `${base}\n- corrected`;
    const refused = await saveSummary(deps(), reviewer, edit(callId, base, mine));
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.error.code !== "template_required") throw new Error("expected template_required");
    expect(refused.error.templates.map((template) => template.key)).toEqual(["MARKDOWN_CLASSIC", "MARKDOWN_SHORT_CALL"]);

    const saved = await saveSummary(deps(), reviewer, edit(callId, base, mine, 0, "MARKDOWN_CLASSIC"));
    expect(saved.ok).toBe(true);
    const reopened = await opened(callId);
    expect(reopened.templateKey).toBe("MARKDOWN_CLASSIC");
    expect(reopened.call.summary.content).toBe(mine);
  });

  it("journals every attempt, with the provider's code: a template question apart from failures", async () => {
    const callId = calls.twoTemplates[1]!;
    const base = (await opened(callId)).call.summary.content!;
    await saveSummary(deps(), reviewer, edit(callId, base, `${base}\nA`));
    await saveSummary(deps(), reviewer, edit(callId, base, `${base}\nB`, 0, "MARKDOWN_SHORT_CALL"));
    await saveSummary(deps(), reviewer, edit(callId, base, `${base}\nC`, 0, "MARKDOWN_CLASSIC"));
    const journal = await attempts(callId);
    expect(journal.map((row) => [row.content.slice(-1), row.status, row.errorCode])).toEqual([
      ["A", "template_asked", "SUMMARY_TEMPLATE_KEY_REQUIRED"],
      ["B", "applied", null],
      ["C", "conflict", "CONFLICT"],
    ]);
  });

  it("keeps the text in the journal when the provider is down", async () => {
    const callId = calls.singleTemplate[4]!;
    const base = (await opened(callId)).call.summary.content!;
    const down = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
    const result = await saveSummary({ database, adapter: down }, reviewer, edit(callId, base, `${base}\n- kept`));
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== "provider_error") throw new Error("expected a provider error");
    expect(result.error.provider.kind).toBe("unavailable");
    expect(await attempts(callId)).toEqual([expect.objectContaining({ status: "failed", content: `${base}\n- kept` })]);
  });

  it("shows the provider's code and request id when Allo refuses the write", async () => {
    const callId = calls.singleTemplate[5]!;
    const base = (await opened(callId)).call.summary.content!;
    const readOnly = createAlloAdapter({ apiKey: alloKeyFor("read-only"), baseUrl: emulator.url, timeoutMs: 5000 });
    const result = await saveSummary({ database, adapter: readOnly }, reviewer, edit(callId, base, `${base}\n- x`));
    if (result.ok || result.error.code !== "provider_error") throw new Error("expected a provider error");
    expect(result.error.provider).toMatchObject({ code: "API_KEY_INSUFFICIENT_SCOPE", status: 403, kind: "forbidden" });
    expect(result.error.provider.requestId).toMatch(/^req_/);
  });

  it("refuses a viewer before anything is journalled or sent", async () => {
    const callId = calls.singleTemplate[6]!;
    const base = (await opened(callId)).call.summary.content!;
    const writesBefore = counter.writes();
    const result = await saveSummary(deps(), viewer, edit(callId, base, `${base}\n- viewer edit`));
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(counter.writes()).toBe(writesBefore);
    expect(await attempts(callId)).toEqual([]);
  });

  it("lets exactly one of many concurrent saves from the same base apply", async () => {
    const callId = calls.singleTemplate[7]!;
    const base = (await opened(callId)).call.summary.content!;
    const texts = Array.from({ length: 10 }, (_, index) => `${base}\n- concurrent edit ${index}`);
    const results = await Promise.all(texts.map((text) => saveSummary(deps(), reviewer, edit(callId, base, text))));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.error.code === "conflict")).toHaveLength(9);
    const journal = await attempts(callId);
    expect(journal.map((row) => row.content).sort()).toEqual([...texts].sort());
    const winner = journal.find((row) => row.status === "applied")!;
    expect((await opened(callId)).call.summary.content).toBe(winner.content);
  });
});

describe("overwriting someone else's version", () => {
  it("is refused to a reviewer and journalled as an overwrite for a lead", async () => {
    const data = { calls: 20, seed: 19, now: new Date("2026-11-20T12:00:00Z") };
    const emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
    const database = await openTestDatabase("pglite");
    try {
      const adapter = createAlloAdapter({ apiKey: alloKeyFor("redline"), baseUrl: emulator.url, timeoutMs: 5000 });
      const callId = callsByTemplates(data).singleTemplate[0]!;
      const base = (await adapter.getCall(callId)).summary.content!;
      const theirs = `${base}\n- theirs`;
      await patchAsColleague(emulator.url, callId, theirs);
      const reviewer = await createActor(database, "reviewer", "Riley Reviewer");
      const lead = await createActor(database, "lead", "Dana Lead");
      const input = { provider: "allo" as const, callId, targetId: callId, templateKey: null, baseContent: theirs, baseRevision: 0, content: `${base}\n- mine`, intent: "overwrite" as const };

      expect(await saveSummary({ database, adapter }, reviewer, input)).toMatchObject({ ok: false, error: { code: "forbidden" } });
      const saved = await saveSummary({ database, adapter }, lead, input);
      expect(saved).toMatchObject({ ok: true, outcome: "applied" });
      const journal = await listRevisions(database.db, { provider: "allo", targetId: callId });
      expect(journal).toEqual([expect.objectContaining({ kind: "overwrite", status: "applied", authorId: lead.id, baseContent: theirs })]);
    } finally {
      await database.close();
      await emulator.close();
    }
  });
});
