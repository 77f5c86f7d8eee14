import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import type { Fixture } from "@/emulator/data/fixture-schema";
import { openPhoneKeyFor } from "@/emulator/openphone/keys";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { claimNextCall } from "@/lib/db/queries/claims";
import { calls, users } from "@/lib/db/schema";
import type { ProviderAdapter } from "@/lib/providers/types";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { receiveWebhook } from "@/lib/review/queue/receive-webhook";
import { recheckSummaries } from "@/lib/review/queue/summary-readiness";
import { syncCalls } from "@/lib/review/queue/sync-calls";
import { emulatorAdmin, resetEmulator } from "../../providers/emulator-harness";
import { quoEmulatorAdapter } from "../../support/emulator-adapters";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const secret = `whsec_${Buffer.from("redline-readiness-test-key-0123456789").toString("base64")}`;
const quoStatus = { completed: "ready", "in-progress": "in_progress", absent: "absent", failed: "failed" } as const;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
/** Quo summarises calls that were answered: the list reads the rest as having none. */
const answered = (call: { status: string; duration: number }) => (call.status === "completed" || call.status === "forwarded") && call.duration > 0;

/**
 * The newest calls (the six hours before `now`) are still being summarised; a few older ones failed. The data
 * are generated against the real clock, as the re-check's windows are, and which calls fall in those hours
 * depends on the time of day: the anchor is the latest half hour before now whose calls include one still
 * being summarised and an answered one still being transcribed, so the tests meet those states at any hour.
 */
function anchor(): Date {
  for (let step = 1; step <= 96; step += 1) {
    const now = new Date(Date.now() - step * 30 * 60_000);
    const quo = generateFixture({ calls: 400, seed: 17, now, providers: ["openphone"] }).openphone!.calls;
    if (quo.some((call) => call.summary.status === "in-progress") && quo.some((call) => call.transcript.status === "in-progress" && answered(call))) return now;
  }
  throw new Error("no anchor in the last two days gives the calls these tests need");
}
const data = { calls: 400, seed: 17, now: anchor(), providers: ["openphone" as const] };
/** A call the re-check still looks at although its list said it has no summary: two weeks old at most. */
const recent = (call: { createdAt: string }) => Date.parse(call.createdAt) > Date.now() - 14 * 86_400_000;

type QuoCall = NonNullable<Fixture["openphone"]>["calls"][number];

type Finished = { deliveries: { type: string; status: number }[] };

describe.each(drivers)("summaries that arrive after the call (%s)", (driver) => {
  let emulator: RunningEmulator;
  let database: TestDatabase;
  let adapter: ProviderAdapter;
  let reviewerId: string;
  const fixture = generateFixture(data);
  const quoCalls = fixture.openphone!.calls;
  const newestFirst = [...quoCalls].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : 1));

  const statusOf = async (callId: string) => {
    const [row] = await database.db
      .select({ summary: calls.summaryStatus, transcript: calls.transcriptStatus, text: calls.summaryText, checkedAt: calls.summaryCheckedAt })
      .from(calls)
      .where(and(eq(calls.provider, "openphone"), eq(calls.callId, callId)));
    return row!;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  beforeEach(async () => {
    await resetEmulator(emulator);
    database = await openTestDatabase(driver);
    adapter = quoEmulatorAdapter(emulator, { webhookSecret: secret });
    const [reviewer] = await database.db.insert(users).values({ email: "r@redline.test", name: "Riley", role: "reviewer" }).returning({ id: users.id });
    reviewerId = reviewer!.id;
    await syncCalls({ database, adapter }, { pageSize: 100 });
  });

  afterEach(async () => {
    await emulatorAdmin(emulator, "DELETE", "webhooks?provider=openphone");
    await database?.close();
  });

  it("knows each call's summary and offers only ready ones, newest first, once it has looked", async () => {
    // Quo's list cannot tell: a call that was answered is unchecked, one that was not has no summary.
    for (const call of quoCalls) {
      const expected = answered(call) ? "unchecked" : "absent";
      expect((await statusOf(call.id)).summary, call.id).toBe(expected);
    }
    expect(await claimNextCall(database.db, ["openphone"], reviewerId, 60_000)).toBeUndefined();

    const [outcome] = await recheckSummaries({ database, adapters: [adapter] }, { perProvider: 1_000 });
    expect(outcome).toMatchObject({ provider: "openphone", failed: 0 });
    for (const call of quoCalls) {
      expect((await statusOf(call.id)).summary, call.id).toBe(quoStatus[call.summary.status]);
    }
    const inProgress = quoCalls.filter((call) => call.summary.status === "in-progress");
    expect(inProgress.length).toBeGreaterThan(0);

    const newestReady = newestFirst.find((call) => call.summary.status === "completed")!;
    expect(await claimNextCall(database.db, ["openphone"], reviewerId, 60_000)).toEqual({ provider: "openphone", callId: newestReady.id });

    // The queue says so, and filters on it.
    const notThereYet = quoCalls.filter((call) => call.summary.status === "in-progress" || call.summary.status === "absent");
    const coming = (await listQueue(database, ["openphone"], queueQuerySchema.parse({ summary: "coming" }), 500)).items;
    expect(coming.map((item) => item.callId).sort()).toEqual(notThereYet.map((call) => call.id).sort());
    const failed = (await listQueue(database, ["openphone"], queueQuerySchema.parse({ summary: "none" }), 500)).items;
    expect(failed.map((item) => item.callId).sort()).toEqual(quoCalls.filter((call) => call.summary.status === "failed").map((call) => call.id).sort());
  });

  it("brings a call back to the queue when the re-check finds its summary, and not before its turn", async () => {
    await recheckSummaries({ database, adapters: [adapter] }, { perProvider: 1_000 });
    const call = newestFirst.find((entry) => entry.summary.status === "in-progress") as QuoCall;
    // An answer other than 2xx fails the test.
    await emulatorAdmin(emulator, "POST", "openphone/jobs", { callId: call.id, summary: { status: "completed", summary: ["Quoted INV-77120 at $129."], nextSteps: ["Email the invoice"] } });

    // Just looked at: not due again yet.
    expect(await recheckSummaries({ database, adapters: [adapter] }, { perProvider: 1_000 })).toEqual([{ provider: "openphone", checked: 0, ready: 0, failed: 0 }]);
    expect((await statusOf(call.id)).summary).toBe("in_progress");

    const [outcome] = await recheckSummaries({ database, adapters: [adapter] }, { perProvider: 1_000, now: later(61) });
    expect(outcome!.ready).toBe(1);
    const row = await statusOf(call.id);
    expect(row).toMatchObject({ summary: "ready" });
    expect(row.text).toContain("inv-77120");
    const found = (await listQueue(database, ["openphone"], queueQuerySchema.parse({ q: "INV-77120" }), 10)).items;
    expect(found.map((item) => item.callId)).toEqual([call.id]);
  });

  it("takes Quo's signed readiness webhook: the summary is read at once, a transcript marked ready", async () => {
    await recheckSummaries({ database, adapters: [adapter] }, { perProvider: 1_000 });
    const pending: Promise<void>[] = [];
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const headers = new Headers(Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));
        void receiveWebhook({ database, adapter }, Buffer.concat(chunks).toString("utf8"), headers).then((answer) => {
          res.writeHead(answer.status, { "Content-Type": "application/json" }).end(JSON.stringify(answer.body));
          if (answer.afterwards) pending.push(answer.afterwards());
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/openphone`;
      await emulatorAdmin(emulator, "PUT", "webhooks", { provider: "openphone", url, secret });
      // The newest calls: Quo is still transcribing, and summarises once the transcript is done.
      const call = newestFirst.find((entry) => entry.transcript.status === "in-progress" && answered(entry)) as QuoCall;
      const finished = (await emulatorAdmin(emulator, "POST", "openphone/jobs", {
        callId: call.id,
        transcript: { status: "completed", turns: [{ speaker: "customer", start: 0, text: "The invoice says 192." }] },
        summary: { status: "completed", summary: ["Customer disputes INV-88211."] },
      })) as Finished;
      expect(finished.deliveries.map((delivery) => [delivery.type, delivery.status])).toEqual([
        ["call.transcript.completed", 200],
        ["call.summary.completed", 200],
      ]);
      await Promise.all(pending);
      expect(await statusOf(call.id)).toMatchObject({ summary: "ready", transcript: "ready", text: "## summary\n\n- customer disputes inv-88211." });
      expect(await claimNextCall(database.db, ["openphone"], reviewerId, 60_000)).toEqual({ provider: "openphone", callId: call.id });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses a delivery whose signature does not verify or is stale, and changes nothing", async () => {
    await recheckSummaries({ database, adapters: [adapter] }, { perProvider: 1_000 });
    const call = newestFirst.find((entry) => entry.summary.status === "in-progress") as QuoCall;
    const before = await statusOf(call.id);
    const body = JSON.stringify({ id: "EV1", object: "event", apiVersion: "v3", createdAt: new Date().toISOString(), type: "call.summary.completed", data: { object: { callId: call.id } } });
    const signed = (key: string, at: Date, payload = body) =>
      new Headers({ "webhook-id": "msg_1", "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(key).sign("msg_1", at, payload) });
    const otherKey = `whsec_${Buffer.from("not-the-key-quo-gave-redline-000000").toString("base64")}`;

    expect((await receiveWebhook({ database, adapter }, body, signed(otherKey, new Date()))).status).toBe(401);
    expect((await receiveWebhook({ database, adapter }, body, signed(secret, new Date(Date.now() - 10 * 60_000)))).status).toBe(401);
    expect((await receiveWebhook({ database, adapter }, body.replace("EV1", "EV2"), signed(secret, new Date()))).status).toBe(401);
    expect((await receiveWebhook({ database, adapter: quoEmulatorAdapter(emulator) }, body, signed(secret, new Date()))).status).toBe(404);
    expect(await statusOf(call.id)).toEqual(before);

    // The same delivery, correctly signed, is taken; a second delivery of it only reads the summary again.
    const first = await receiveWebhook({ database, adapter }, body, signed(secret, new Date()));
    const second = await receiveWebhook({ database, adapter }, body, signed(secret, new Date()));
    expect([first.status, second.status]).toEqual([200, 200]);
    await Promise.all([first.afterwards?.(), second.afterwards?.()]);
    expect((await statusOf(call.id)).summary).toBe("in_progress");

    const unknown = body.replace(call.id, "AC00000000000000000000000000000000");
    expect((await receiveWebhook({ database, adapter }, unknown, signed(secret, new Date(), unknown))).status).toBe(202);
    // A call whose summary Redline has (perhaps corrected in Redline) is left as it is.
    const ready = newestFirst.find((entry) => entry.summary.status === "completed")!;
    const readyBody = body.replace(call.id, ready.id);
    const readyBefore = await statusOf(ready.id);
    const again = await receiveWebhook({ database, adapter }, readyBody, signed(secret, new Date(), readyBody));
    expect(again).toMatchObject({ status: 200, body: { message: "The summary was already in the queue." } });
    expect(again.afterwards).toBeUndefined();
    expect(await statusOf(ready.id)).toEqual(readyBefore);
    const ignored = body.replace("call.summary.completed", "call.ringing");
    expect(await receiveWebhook({ database, adapter }, ignored, signed(secret, new Date(), ignored))).toMatchObject({ status: 200, body: { message: "call.ringing is not used." } });
  });

  it("says a plan without summaries withholds them, and the workspace shows what is coming", async () => {
    const starter = quoEmulatorAdapter(emulator, { apiKey: openPhoneKeyFor("starter-plan") });
    await recheckSummaries({ database, adapters: [starter] }, { perProvider: 1_000 });
    for (const call of quoCalls) {
      expect((await statusOf(call.id)).summary).toBe(answered(call) || recent(call) ? "not_in_plan" : "absent");
    }
    const opened = await loadCallForReview({ database, adapter: starter }, newestFirst[0]!.id, { staleAfterMs: 60_000 });
    expect(opened.ok && [opened.review.call.summaryStatus, opened.review.call.transcriptStatus]).toEqual(["not_in_plan", "not_in_plan"]);

    const coming = newestFirst.find((entry) => entry.transcript.status === "in-progress" && answered(entry)) as QuoCall;
    const openedComing = await loadCallForReview({ database, adapter }, coming.id, { staleAfterMs: 60_000 });
    expect(openedComing.ok && openedComing.review.call.transcriptStatus).toBe("in_progress");
    expect(await statusOf(coming.id)).toMatchObject({ summary: quoStatus[coming.summary.status], transcript: "in_progress" });
  });
});
