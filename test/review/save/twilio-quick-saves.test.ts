import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Actor } from "@/lib/auth/require-role";
import { listRevisions } from "@/lib/db/queries/revisions";
import type { ProviderAdapter } from "@/lib/providers/types";
import { confirmAcceptedSave } from "@/lib/review/save/confirm-accepted-save";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { saveSummary, type SaveSummaryResult } from "@/lib/review/save/save-summary";
import { eventually, summaryWrites } from "../../providers/emulator-harness";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 20, seed: 61, now: new Date("2026-11-20T12:00:00Z") };

describe.each(drivers)("quick saves to Twilio, which accepts now and applies later (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  let adapter: ProviderAdapter;
  let reviewer: Actor;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["twilio"], twilioApplyDelayMs: 2_000 });
    database = await openTestDatabase(driver);
    adapter = emulatorAdapter(emulator, "twilio");
    reviewer = await createActor(database, "reviewer", "Riley Reviewer");
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  it("takes three saves in a row as one chain: all accepted, no conflict with itself, the last text applied", async () => {
    const callId = (await adapter.listCalls({ page: 1, size: 1 })).items[0]!.ref.callId;
    const opened = await loadCallForReview({ database, adapter }, callId, { staleAfterMs: 60_000 });
    if (!opened.ok) throw new Error(opened.error.message);
    const original = opened.review.content!;
    const texts = [`${original} First correction.`, `${original} Second correction.`, `${original} Third correction.`];

    // Each save starts from the text the previous one left in the editor, before Twilio applied anything.
    const results: SaveSummaryResult[] = [];
    let base = original;
    for (const [index, content] of texts.entries()) {
      results.push(
        await saveSummary({ database, adapter }, reviewer, { provider: "twilio", callId, targetId: callId, templateKey: null, baseContent: base, baseRevision: index, content }),
      );
      base = content;
    }

    expect(results.map((result) => (result.ok ? result.outcome : result.error.code))).toEqual(["accepted", "accepted", "accepted"]);
    const last = results[2]!;
    if (!last.ok) throw new Error("unreachable");
    await eventually(
      () => confirmAcceptedSave({ database, adapter }, last.journalId),
      (confirmed) => confirmed.ok && confirmed.state === "applied",
      15_000,
    );

    expect((await adapter.getSummary({ provider: "twilio", id: callId, templateKey: null })).content).toBe(texts[2]);
    const rows = (await listRevisions(database.db, { provider: "twilio", targetId: callId })).filter((row) => row.status !== "observed");
    expect(rows.map((row) => [row.content, row.status])).toEqual(texts.map((text) => [text, "applied"]));
    // Each text reached Twilio once, in order.
    expect((await summaryWrites(emulator, { provider: "twilio", target: callId })).map((write) => write.content)).toEqual(texts);
  });
});
