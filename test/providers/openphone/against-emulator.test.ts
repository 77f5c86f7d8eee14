import { beforeAll, describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import type { OpenPhoneCall } from "@/emulator/data/sections/openphone-section";
import { openPhoneKeyFor } from "@/emulator/openphone/keys";
import { createOpenPhoneAdapter, type OpenPhoneAdapterOptions, type QuoLine } from "@/lib/providers/openphone/adapter";
import { mapOpenPhoneError } from "@/lib/providers/openphone/errors";
import type { ProviderAdapter } from "@/lib/providers/types";
import {
  emulatorForFile,
  expectNewestFirst,
  faultsRemaining,
  raw,
  recordedAdapter,
  rejection,
  setEmulatorSettings,
  setFaults,
  unreadableAnswers,
} from "../emulator-harness";

const dataOptions = { seed: 5, calls: 120, now: new Date("2026-05-12T15:00:00Z") };
const fixture = generateFixture({ ...dataOptions, providers: ["openphone"] }).openphone!;
const calls = fixture.calls;
const TRACE = /^[0-9a-f]{32}$/;
const UNKNOWN_CALL = "AC00000000000000000000000000000000";

const find = (what: string, predicate: (call: OpenPhoneCall) => boolean): OpenPhoneCall => {
  const call = calls.find(predicate);
  if (!call) throw new Error(`The test data has no ${what}`);
  return call;
};
const completed = find("call with a completed summary", (call) => call.summary.status === "completed" && call.transcript.status === "completed");
const inProgress = find("call whose summary is in progress", (call) => call.summary.status === "in-progress");
const absent = find("call without a summary", (call) => call.summary.status === "absent" && call.transcript.status === "absent");

const emulator = emulatorForFile({ ...dataOptions, providers: ["openphone"], rateLimits: false });
let lines: QuoLine[];

// Registered after the emulator's start, so it runs once the emulator is up.
beforeAll(() => {
  lines = emulator.setup().providers.openphone!.phoneNumbers.map((number) => ({ phoneNumberId: number.id, participants: number.participants }));
});

/** The adapter as Redline builds it, configured from the emulator's setup; pacing off, waits recorded. */
function quo(overrides: Partial<OpenPhoneAdapterOptions> = {}) {
  const setup = emulator.setup().providers.openphone!;
  return recordedAdapter(createOpenPhoneAdapter, { apiKey: setup.apiKey, baseUrl: setup.baseUrl, lines, rateLimit: null, ...overrides });
}

const listRequests = (adapter: ReturnType<typeof quo>) => adapter.fetch.exchanges.filter((exchange) => new URL(exchange.url).pathname.endsWith("/v1/calls"));

describe("Quo adapter against the emulator: success paths", () => {
  it("merges every conversation into one list, newest first, with an exact total at the end", async () => {
    const adapter = quo();
    const listed = [];
    let last;
    for (let page = 1; ; page++) {
      last = await adapter.listCalls({ page, size: 25 });
      expect(last.items.length).toBeLessThanOrEqual(25);
      listed.push(...last.items);
      if (!last.hasMore) break;
    }
    expect(last.totalCount).toBe(calls.length);
    expect(new Set(listed.map((item) => item.ref.callId))).toEqual(new Set(calls.map((call) => call.id)));
    expect(listed).toHaveLength(calls.length);
    expectNewestFirst(listed.map((item) => item.startedAt));

    const byId = new Map(calls.map((call) => [call.id, call]));
    for (const item of listed) {
      const call = byId.get(item.ref.callId)!;
      expect(item.ref.provider).toBe("openphone");
      expect(item.startedAt).toBe(new Date(call.createdAt).toISOString());
      expect(item.direction).toBe(call.direction === "incoming" ? "inbound" : "outbound");
      expect(item.durationSec).toBe(call.duration);
      expect(item.agent).toEqual({ id: call.userId, name: null });
      // The other party: the participant that is not the Quo number.
      expect(item.counterpart).toEqual({ name: null, number: call.participants[0] });
    }
    // Each conversation was read once, in one request: the merge kept its place from page to page.
    const conversations = lines.reduce((sum, line) => sum + line.participants.length, 0);
    expect(listRequests(adapter)).toHaveLength(conversations);
  });

  it("reads a call with its transcript and a completed summary as markdown", async () => {
    const detail = await quo().getCall(completed.id);
    expect(detail.ref).toEqual({ provider: "openphone", callId: completed.id });
    expect(detail.transcript.length).toBeGreaterThan(1);
    expect(new Set(detail.transcript.map((turn) => turn.speaker))).toEqual(new Set(["agent", "customer"]));
    expect(detail.transcript[0]!.at >= new Date(completed.answeredAt!).toISOString()).toBe(true);
    expect(detail.summary.status).toBe("ready");
    expect(detail.summary.content).toContain("## Summary");
    for (const bullet of completed.summary.summary!) expect(detail.summary.content).toContain(`- ${bullet}`);
    expect(detail.summary).toMatchObject({ templateKey: null, version: null, updatedAt: null, updatedBy: null });
  });

  it("reads a summary still being written as in progress, with no content", async () => {
    const detail = await quo().getCall(inProgress.id);
    expect(detail.summary).toMatchObject({ status: "in_progress", content: null });
  });

  it("reads a call Quo will not summarise as absent, with no transcript", async () => {
    const detail = await quo().getCall(absent.id);
    expect(detail.summary).toMatchObject({ status: "absent", content: null });
    expect(detail.transcript).toEqual([]);
  });

  it("refuses a summary update as read-only, without a request", async () => {
    const adapter = quo();
    const error = await rejection(adapter.updateSummary({ provider: "openphone", id: completed.id, templateKey: null }, "x"));
    expect(error).toMatchObject({ provider: "openphone", kind: "invalid", code: "READ_ONLY", status: null });
    expect(adapter.fetch.exchanges).toEqual([]);
  });
});

describe("Quo adapter against the emulator: documented errors", () => {
  it("maps an unknown key to unauthorized on listing and reading, with Quo's trace", async () => {
    const adapter = quo({ apiKey: "quo_nobody_000000000000000" });
    const list = await rejection(adapter.listCalls({ page: 1, size: 10 }));
    expect(list).toMatchObject({ kind: "unauthorized", status: 401, code: "0100401", retryable: false });
    expect(list.requestId).toMatch(TRACE);
    const read = await rejection(adapter.getCall(completed.id));
    expect(read).toMatchObject({ kind: "unauthorized", status: 401, code: "0100401" });
    expect(read.requestId).toMatch(TRACE);
  });

  it("opens a call on a plan without call intelligence, saying its summary and transcript are not in the plan", async () => {
    const adapter = quo({ apiKey: openPhoneKeyFor("starter-plan") });
    // The call list is on every plan.
    await expect(adapter.listCalls({ page: 1, size: 5 })).resolves.toMatchObject({ items: expect.any(Array) });
    const detail = await adapter.getCall(completed.id);
    expect(detail).toMatchObject({ transcript: [], transcriptStatus: "not_in_plan", summary: { content: null, status: "not_in_plan" } });
    const target = await adapter.summaryTarget(completed.id, null);
    expect(await adapter.getSummary(target)).toMatchObject({ content: null, status: "not_in_plan" });
    // Quo answered 403 to both reads: the statuses say so rather than failing the page.
    const answers = adapter.fetch.exchanges.filter((exchange) => /call-(summaries|transcripts)/.test(exchange.url));
    expect(answers.map((exchange) => exchange.status)).toEqual([403, 403, 403]);
  });

  it("maps an unknown call to not_found", async () => {
    const error = await rejection(quo().getCall(UNKNOWN_CALL));
    expect(error).toMatchObject({ kind: "not_found", status: 404, code: "0100404" });
    expect(error.requestId).toMatch(TRACE);
  });

  it("maps a configured number Quo does not know to not_found", async () => {
    const adapter = quo({ lines: [{ phoneNumberId: "PNnowhere01", participants: ["+15555550100"] }] });
    const error = await rejection(adapter.listCalls({ page: 1, size: 10 }));
    expect(error).toMatchObject({ kind: "not_found", status: 404, code: "0100404" });
  });

  it("maps listing as a user who is not on the number to forbidden", async () => {
    const [line] = lines;
    const adapter = quo({ lines: [{ ...line!, userId: "USnotonit01" }] });
    const error = await rejection(adapter.listCalls({ page: 1, size: 10 }));
    expect(error).toMatchObject({ kind: "forbidden", status: 403, code: "0101403" });
    expect(error.message).toMatch(/not a user of phone number/);
  });

  it("maps a participant that is not E.164 to invalid, naming the field", async () => {
    const [line] = lines;
    const adapter = quo({ lines: [{ ...line!, participants: ["555-0100"] }] });
    const error = await rejection(adapter.listCalls({ page: 1, size: 10 }));
    expect(error).toMatchObject({ kind: "invalid", status: 400, code: "0101400" });
    expect(error.message).toMatch(/participants/);
  });

  /**
   * Answers the adapter's getCall never surfaces (the call's own error comes first, and a missing transcript
   * or summary is read as an absence), read by its mapper: each operation has its own code.
   */
  it.each([
    { path: `/v1/call-transcripts/${completed.id}`, key: "quo_nobody_000000000000000", status: 401, kind: "unauthorized", code: "0600401" },
    { path: `/v1/call-summaries/${completed.id}`, key: "quo_nobody_000000000000000", status: 401, kind: "unauthorized", code: "0500401" },
    { path: `/v1/call-summaries/${completed.id}`, key: openPhoneKeyFor("starter-plan"), status: 403, kind: "forbidden", code: "0500403" },
    { path: `/v1/call-transcripts/${UNKNOWN_CALL}`, key: null, status: 404, kind: "not_found", code: "0600404" },
    { path: `/v1/call-summaries/${UNKNOWN_CALL}`, key: null, status: 404, kind: "not_found", code: "0500404" },
    { path: `/v1/calls/${completed.id}`, key: `Bearer ${openPhoneKeyFor("redline")}`, status: 401, kind: "unauthorized", code: "0100401" },
  ])("maps $path answering $status to $code", async ({ path, key, status, kind, code }) => {
    const setup = emulator.setup().providers.openphone!;
    const answer = await raw(`${setup.baseUrl}${path}`, { headers: { authorization: key ?? setup.apiKey } });
    expect(answer.status).toBe(status);
    const mapped = mapOpenPhoneError(answer.status, answer.body, answer.headers);
    expect(mapped).toMatchObject({ provider: "openphone", status, kind, code });
    expect(mapped.requestId).toMatch(TRACE);
  });

  it("refuses an id that is not a Quo call id before sending, as Quo would refuse it", async () => {
    const adapter = quo();
    const refused = await rejection(adapter.getCall("CA1234"));
    expect(refused).toMatchObject({ kind: "invalid", status: null, code: "INVALID_CALL_ID" });
    expect(adapter.fetch.exchanges).toEqual([]);

    const setup = emulator.setup().providers.openphone!;
    for (const [path, code] of [
      ["/v1/calls/CA1234", "0101400"],
      ["/v1/call-transcripts/CA1234", "0600400"],
      ["/v1/call-summaries/CA1234", "0500400"],
    ] as const) {
      const answer = await raw(`${setup.baseUrl}${path}`, { headers: { authorization: setup.apiKey } });
      expect(mapOpenPhoneError(answer.status, answer.body, answer.headers)).toMatchObject({ kind: "invalid", status: 400, code });
    }
  });
});

describe("Quo adapter against the emulator: faults", () => {
  const operations = {
    listCalls: (adapter: ProviderAdapter) => adapter.listCalls({ page: 1, size: 5 }),
    getCall: (adapter: ProviderAdapter) => adapter.getCall(completed.id),
    getCallTranscript: (adapter: ProviderAdapter) => adapter.getCall(completed.id),
    getCallSummary: (adapter: ProviderAdapter) => adapter.getCall(completed.id),
  } as const;
  const codes = {
    listCalls: { 429: "0100429", 503: "0101503" },
    getCall: { 429: "0100429", 503: "0101503" },
    getCallTranscript: { 429: "0600429", 503: "0601503" },
    getCallSummary: { 429: "0500429", 503: "0501503" },
  } as const;
  const endpoints = ["listCalls", "getCall", "getCallTranscript", "getCallSummary"] as const;
  // One conversation: a listing then makes one request, the one the fault is aimed at.
  const single = () => lines.slice(0, 1).map((line) => ({ ...line, participants: line.participants.slice(0, 1) }));

  it.each(endpoints)("retries %s after a 429, backing off as Quo sends no Retry-After", async (endpoint) => {
    await setFaults(emulator, `openphone.${endpoint}:status=429,count=1`);
    const adapter = quo({ lines: endpoint === "listCalls" ? single() : lines });
    await expect(operations[endpoint](adapter)).resolves.toBeTruthy();
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.status === 429)).toHaveLength(1);
    expect(adapter.sleep.waits).toHaveLength(1);
    expect(await faultsRemaining(emulator)).toEqual([0]);
  });

  it.each(endpoints)("gives up on %s after four 503s, with the operation's own code", async (endpoint) => {
    await setFaults(emulator, `openphone.${endpoint}:status=503,count=4`);
    const error = await rejection(operations[endpoint](quo({ lines: single() })));
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: codes[endpoint][503], retryable: true });
    expect(error.requestId).toMatch(TRACE);
  });

  it.each([
    ["listCalls", "0101500"],
    ["getCall", "0101500"],
    ["getCallTranscript", "0601500"],
    ["getCallSummary", "0501500"],
  ] as const)("maps a 500 on %s to unavailable with code %s, without retrying it", async (endpoint, code) => {
    await setFaults(emulator, `openphone.${endpoint}:status=500,count=1`);
    const adapter = quo({ lines: single() });
    const error = await rejection(operations[endpoint](adapter));
    expect(error).toMatchObject({ kind: "unavailable", status: 500, code, retryable: true });
    expect(error.requestId).toMatch(TRACE);
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.status === 500)).toHaveLength(1);
  });

  it("hands on a 429 that outlasts the retries as rate_limited", async () => {
    await setFaults(emulator, "openphone.listCalls:status=429,count=4");
    const error = await rejection(quo({ lines: single() }).listCalls({ page: 1, size: 5 }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "0100429", retryable: true });
  });

  it.each(endpoints)("maps a reset connection on %s to unavailable", async (endpoint) => {
    await setFaults(emulator, `openphone.${endpoint}:reset,count=1`);
    const error = await rejection(operations[endpoint](quo()));
    expect(error).toMatchObject({ kind: "unavailable", status: null, code: "NETWORK_ERROR", outcomeUnknown: false });
  });

  it.each(endpoints)("times out on %s when Quo never answers", async (endpoint) => {
    await setFaults(emulator, `openphone.${endpoint}:hang,count=1`);
    const error = await rejection(operations[endpoint](quo({ timeoutMs: 300 })));
    expect(error).toMatchObject({ kind: "timeout", status: null, code: "TIMEOUT", outcomeUnknown: false });
  });

  it.each(unreadableAnswers(endpoints))("reads a %s answer that is %s as a contract failure", async (endpoint, mode) => {
    await setFaults(emulator, `openphone.${endpoint}:${mode},count=1`);
    const error = await rejection(operations[endpoint](quo()));
    expect(error).toMatchObject({ kind: "contract", status: 200, code: "INVALID_RESPONSE", outcomeUnknown: false });
  });

  it("carries on from the page that failed, reading nothing twice", async () => {
    const adapter = quo();
    // Small pages ask little of each conversation, so later pages fetch conversations' further pages.
    const listed = [...(await adapter.listCalls({ page: 1, size: 4 })).items];
    await setFaults(emulator, "openphone.listCalls:reset,count=1");
    const retries: number[] = [];
    let failed = false;
    for (let page = 2; ; ) {
      const before = listRequests(adapter).length;
      const result = await adapter.listCalls({ page, size: 4 }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      if (failed) {
        // The page asked again: only the conversation page that failed is fetched again.
        retries.push(listRequests(adapter).length - before);
        failed = false;
      }
      if (result instanceof Error) {
        failed = true;
        continue;
      }
      listed.push(...result.items);
      if (!result.hasMore) break;
      page += 1;
    }
    expect(retries).toEqual([1]);
    expect(listed.map((item) => item.ref.callId).sort()).toEqual(calls.map((call) => call.id).sort());
    expectNewestFirst(listed.map((item) => item.startedAt));
    // Every conversation page was asked for once, but for the one whose connection was reset.
    const urls = listRequests(adapter).map((exchange) => exchange.url);
    expect(urls.length - new Set(urls).size).toBe(1);
  });
});

describe("Quo adapter against the emulator: rate limits", () => {
  it("paces its requests within Quo's 10 a second, so none is refused", async () => {
    await setEmulatorSettings(emulator, { rateLimits: true });
    const adapter = quo({ rateLimit: undefined, sleep: undefined });
    // Ordinary calls: a marathon transcript would hold the shared event loop and skew when requests are counted.
    const ids = calls.filter((call) => call.transcript.dialogue === null || ("recipe" in call.transcript.dialogue && call.transcript.dialogue.recipe.turns <= 200)).slice(0, 8).map((call) => call.id);
    // Three requests a call, all sent at once.
    const details = await Promise.all(ids.map((id) => adapter.getCall(id)));
    expect(details.map((detail) => detail.ref.callId)).toEqual(ids);
    expect(adapter.fetch.exchanges).toHaveLength(24);
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.status === 429)).toEqual([]);
  });
});
