import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Actor } from "@/lib/auth/require-role";
import { listRevisions } from "@/lib/db/queries/revisions";
import { isProviderError, ProviderError } from "@/lib/providers/provider-error";
import type { ProviderAdapter, SummaryTarget } from "@/lib/providers/types";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { reconcileTarget, sweepUnresolvedSaves } from "@/lib/review/save/reconcile-saves";
import { saveSummary } from "@/lib/review/save/save-summary";
import { loadSummaryHistory } from "@/lib/review/history/summary-history";
import { clearFaults, setFaults, summaryWrites } from "../../providers/emulator-harness";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { callsByTemplates } from "../../support/emulator-calls";
import { alloEdit, createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 60, seed: 29, now: new Date("2026-11-20T12:00:00Z") };
const timing = { staleAfterMs: 60_000 };

/**
 * A provider that cannot be read for a while, as when the network drops just as a write's answer is lost:
 * once a write has been sent, every read fails until `restore()`. Writes pass.
 */
function readsFailAfterAWrite() {
  let failing = false;
  const outage = async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = (init?.method ?? "GET").toUpperCase();
    if (method === "PATCH") failing = true;
    else if (failing) throw new TypeError("fetch failed: connection refused");
    return fetch(input, init);
  };
  return { fetch: outage as typeof fetch, restore: () => void (failing = false) };
}

describe.each(drivers)("a save whose answer is lost (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  let reviewer: Actor;
  const calls = callsByTemplates(data).singleTemplate;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo"] });
    database = await openTestDatabase(driver);
    reviewer = await createActor(database, "reviewer", "Riley Reviewer");
  });

  afterAll(async () => {
    await database?.close();
    await emulator?.close();
  });

  const target = (callId: string): SummaryTarget => ({ provider: "allo", id: callId, templateKey: null });
  const attempts = async (callId: string) =>
    (await listRevisions(database.db, { provider: "allo", targetId: callId })).filter((row) => row.status !== "observed");

  it.each([
    { fault: "apply-then-reset", index: 0, via: "opening the call" },
    { fault: "apply-then-hang", index: 1, via: "opening its history" },
    { fault: "apply-then-reset", index: 2, via: "the periodic sweep" },
  ])("is journalled as unknown when the re-read fails too, and reconciled to applied by $via ($fault)", async ({ fault, index, via }) => {
    const callId = calls[index]!;
    const outage = readsFailAfterAWrite();
    // A short timeout, so a write whose answer never comes is given up on quickly.
    const adapter = emulatorAdapter(emulator, "allo", { fetch: outage.fetch, timeoutMs: 1_500 });
    const base = (await adapter.getSummary(target(callId))).content!;
    const content = `${base}\n- saved just as the line dropped`;
    await setFaults(emulator, `allo.updateSummary:${fault},count=1`);

    const result = await saveSummary({ database, adapter }, reviewer, alloEdit(callId, base, content));
    await clearFaults(emulator);

    expect(result).toMatchObject({ ok: false, error: { code: "unknown" } });
    expect(await attempts(callId)).toEqual([expect.objectContaining({ status: "unknown", content })]);

    outage.restore();
    const deps = { database, adapter };
    if (via === "opening the call") {
      const opened = await loadCallForReview(deps, callId, timing);
      // Once decided, the page shows the reviewer's text as the current one, not as "AI original".
      expect(opened).toMatchObject({ ok: true, review: { content, meta: { revision: 1, savedBy: "Riley Reviewer" } } });
    } else if (via === "opening its history") {
      const history = await loadSummaryHistory(deps, callId, timing);
      expect(history.ok && history.entries.find((entry) => entry.content === content)).toMatchObject({ status: "applied", revision: 1 });
    } else {
      expect(await sweepUnresolvedSaves(database, () => adapter, timing)).toMatchObject({ applied: 1, failed: 0 });
    }

    expect(await attempts(callId)).toEqual([expect.objectContaining({ status: "applied", content, revision: 1 })]);
    expect((await adapter.getSummary(target(callId))).content).toBe(content);
    // Nothing was sent twice: one write reached Allo.
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(1);
    // The next save from the reviewer's own text is not taken for a conflict.
    const next = await saveSummary(deps, reviewer, alloEdit(callId, content, `${content}\n- and one more line`, 1));
    expect(next).toMatchObject({ ok: true, outcome: "applied", meta: { revision: 2 } });
  });

  it("reconciles an unknown save whose text never landed to failed, and keeps it to be used as a draft", async () => {
    const callId = calls[3]!;
    const adapter = emulatorAdapter(emulator, "allo");
    const base = (await adapter.getSummary(target(callId))).content!;
    // Journalled as unknown by a save whose write was refused on the wire before Allo applied it.
    const outage = readsFailAfterAWrite();
    const lossy = emulatorAdapter(emulator, "allo", { fetch: outage.fetch, timeoutMs: 1_500 });
    await setFaults(emulator, "allo.updateSummary:hang,count=1");
    const content = `${base}\n- never arrived`;
    const result = await saveSummary({ database, adapter: lossy }, reviewer, alloEdit(callId, base, content));
    await clearFaults(emulator);
    expect(result).toMatchObject({ ok: false, error: { code: "unknown" } });

    expect(await reconcileTarget({ database, adapter }, target(callId), timing)).toMatchObject({ applied: 0, failed: 1 });
    expect(await attempts(callId)).toEqual([expect.objectContaining({ status: "failed", content, errorCode: "TIMEOUT" })]);
    expect((await adapter.getSummary(target(callId))).content).toBe(base);
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(0);
  });

  it("handles a provider error thrown by a second copy of the provider module as a provider error", async () => {
    // Next bundles server code more than once: a route handler may build the adapters with its own copy.
    const secondCopyPath = "@/lib/providers/provider-error?second-copy";
    const secondCopy = (await import(/* @vite-ignore */ secondCopyPath)) as typeof import("@/lib/providers/provider-error");
    expect(secondCopy.ProviderError).not.toBe(ProviderError);
    const foreign = new secondCopy.ProviderError({
      provider: "allo",
      status: 503,
      code: "SERVICE_UNAVAILABLE",
      kind: "unavailable",
      message: "Allo is down for maintenance",
      retryable: true,
      requestId: "req_second_copy",
    });
    expect(foreign instanceof ProviderError).toBe(false);
    expect(isProviderError(foreign)).toBe(true);

    const callId = calls[4]!;
    const inner = emulatorAdapter(emulator, "allo");
    const base = (await inner.getSummary(target(callId))).content!;
    const failing: ProviderAdapter = {
      ...inner,
      getSummary: async () => {
        throw foreign;
      },
    };
    const content = `${base}\n- while Allo was down`;
    const result = await saveSummary({ database, adapter: failing }, reviewer, alloEdit(callId, base, content));

    expect(result).toMatchObject({ ok: false, error: { code: "provider_error", provider: { kind: "unavailable", requestId: "req_second_copy" } } });
    expect(await attempts(callId)).toEqual([expect.objectContaining({ status: "failed", content, errorCode: "SERVICE_UNAVAILABLE" })]);
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(0);
  });
});
