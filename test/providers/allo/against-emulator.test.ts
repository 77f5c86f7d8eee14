import { describe, expect, it } from "vitest";
import { alloKeyFor, type AlloKeyLabel } from "@/emulator/allo/keys";
import { generateFixture } from "@/emulator/data/generate";
import type { CallItem } from "@/emulator/data/sections/allo-section";
import { createAlloAdapter, type AlloAdapterOptions } from "@/lib/providers/allo/adapter";
import { mapAlloError } from "@/lib/providers/allo/errors";
import type { ProviderAdapter } from "@/lib/providers/types";
import { recipeOf, representativeItems } from "../../emulator/support/test-data";
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

const dataOptions = { seed: 7, calls: 200, now: new Date("2026-05-12T15:00:00Z") };
const fixture = generateFixture({ ...dataOptions, providers: ["allo"] }).allo!;
const calls = fixture.items.filter((item): item is CallItem => item.type === "CALL");
const newestFirst = [...calls].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
const { classicOnly, shortOnly, bothTemplates, noSummary, sms } = representativeItems(fixture);
const users = new Map(fixture.users.map((user) => [user.id, user]));
const contacts = new Map(fixture.contacts.map((contact) => [contact.id, contact]));
const REQUEST_ID = /^req_[A-Za-z0-9]{12}$/;
const UNKNOWN_CALL = "cll-zzzzzzzzzz";

const emulator = emulatorForFile({ ...dataOptions, providers: ["allo"], rateLimits: false });

/** The adapter as Redline builds it, pointed at the emulator; pacing off (the emulator enforces none here), waits recorded. */
function allo({ key, ...overrides }: Partial<AlloAdapterOptions> & { key?: AlloKeyLabel } = {}) {
  const setup = emulator.setup().providers.allo!;
  return recordedAdapter(createAlloAdapter, { apiKey: key ? alloKeyFor(key) : setup.apiKey, baseUrl: setup.baseUrl, rateLimit: null, ...overrides });
}

/** What the adapter sent as X-Request-Id on its last request: Allo echoes it as the error's request_id. */
const sentRequestId = (adapter: ReturnType<typeof allo>) => adapter.fetch.exchanges.at(-1)?.requestHeaders.get("x-request-id");

describe("Allo adapter against the emulator: success paths", () => {
  it("lists every call, newest first, with totals, across pages", async () => {
    const adapter = allo();
    const first = await adapter.listCalls({ page: 1, size: 40 });
    expect(first).toMatchObject({ page: 1, size: 40, totalCount: calls.length, hasMore: true });
    expect(first.items).toHaveLength(40);

    const listed = [...first.items];
    for (let page = 2; ; page++) {
      const next = await adapter.listCalls({ page, size: 40 });
      expect(next.totalCount).toBe(calls.length);
      listed.push(...next.items);
      if (!next.hasMore) break;
    }
    expect(listed.map((item) => item.ref.callId)).toEqual(newestFirst.map((call) => call.id));
    expectNewestFirst(listed.map((item) => item.startedAt));

    const byId = new Map(calls.map((call) => [call.id, call]));
    for (const item of listed) {
      const call = byId.get(item.ref.callId)!;
      expect(item.ref.provider).toBe("allo");
      expect(item.startedAt).toBe(new Date(call.date).toISOString());
      expect(item.direction).toBe(call.direction === "INBOUND" ? "inbound" : "outbound");
      expect(item.durationSec).toBe(call.duration);
      expect(item.agent).toEqual({ id: call.user_id, name: users.get(call.user_id)!.name });
      expect(item.counterpart).toEqual({ name: call.contact_id ? contacts.get(call.contact_id)!.name : null, number: call.contact_number });
      expect(item.summaryStatus).toBe(call.summaries.length > 0 ? "ready" : "absent");
    }
  });

  it("reads a call with its transcript and the summary Allo shows", async () => {
    const detail = await allo().getCall(classicOnly.id);
    expect(detail.ref).toEqual({ provider: "allo", callId: classicOnly.id });
    expect(detail.transcript.length).toBeGreaterThan(1);
    expect(new Set(detail.transcript.map((turn) => turn.speaker))).toEqual(new Set(["agent", "customer"]));
    expect(detail.transcript[0]!.at >= detail.startedAt).toBe(true);
    expect(detail.summary).toEqual({
      templateKey: null,
      content: classicOnly.summaries[0]!.content,
      version: null,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it("reads a call with no summary yet as an empty snapshot", async () => {
    const detail = await allo().getCall(noSummary.id);
    expect(detail.summaryStatus).toBe("absent");
    expect(detail.summary.content).toBeNull();
    expect(detail.transcript.length).toBeGreaterThan(0);
  });

  it("reads an SMS by its msg- id", async () => {
    const detail = await allo().getCall(sms.id);
    expect(detail.ref.callId).toBe(sms.id);
    expect(detail.transcript).toEqual([]);
    expect(detail.summary.content).toBeNull();
  });

  it("applies a summary update on a call with one template, and reads it back", async () => {
    const adapter = allo();
    const outcome = await adapter.updateSummary({ provider: "allo", id: shortOnly.id, templateKey: null }, "## Summary\n\nCorrected.");
    expect(outcome).toMatchObject({
      status: "applied",
      content: "## Summary\n\nCorrected.",
      version: shortOnly.summary_version + 1,
      updatedBy: { id: "usr-redline01", name: "Redline Integration" },
    });
    // Allo's answer has no zone (`2026-05-12T14:32:11`); it is read as UTC.
    expect(outcome.status === "applied" && outcome.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect((await adapter.getCall(shortOnly.id)).summary.content).toBe("## Summary\n\nCorrected.");
  });

  it("applies an update to the template named, on a call with two", async () => {
    const adapter = allo();
    const outcome = await adapter.updateSummary({ provider: "allo", id: bothTemplates.id, templateKey: "MARKDOWN_SHORT_CALL" }, "Short and corrected.");
    expect(outcome).toMatchObject({ status: "applied", content: "Short and corrected.", version: bothTemplates.summary_version + 1 });
    // The template written last is the one the item shows.
    expect((await adapter.getCall(bothTemplates.id)).summary.content).toBe("Short and corrected.");
  });
});

describe("Allo adapter against the emulator: documented errors", () => {
  it.each([
    ["an unknown key", "wrong" as const, "API_KEY_INVALID"],
    ["a revoked key", "revoked" as const, "API_KEY_REVOKED"],
  ])("maps %s to unauthorized on every endpoint", async (_, label, code) => {
    const adapter = label === "wrong" ? allo({ apiKey: "ak_live_nobody_00000000000000000" }) : allo({ key: label });
    for (const operation of [
      () => adapter.listCalls({ page: 1, size: 10 }),
      () => adapter.getCall(classicOnly.id),
      () => adapter.updateSummary({ provider: "allo", id: classicOnly.id, templateKey: null }, "x"),
    ]) {
      const error = await rejection(operation());
      expect(error).toMatchObject({ provider: "allo", kind: "unauthorized", status: 401, code, retryable: false });
      expect(error.requestId).toBe(sentRequestId(adapter));
      expect(error.requestId).toMatch(REQUEST_ID);
    }
  });

  it("maps a key without CONVERSATIONS_WRITE to forbidden on a summary update, while it still reads", async () => {
    const adapter = allo({ key: "read-only" });
    await expect(adapter.getCall(classicOnly.id)).resolves.toMatchObject({ ref: { callId: classicOnly.id } });
    const error = await rejection(adapter.updateSummary({ provider: "allo", id: classicOnly.id, templateKey: null }, "x"));
    expect(error).toMatchObject({ kind: "forbidden", status: 403, code: "API_KEY_INSUFFICIENT_SCOPE", requestId: sentRequestId(adapter) });
  });

  it("maps an unknown call to not_found, on read and on update", async () => {
    const adapter = allo();
    const read = await rejection(adapter.getCall(UNKNOWN_CALL));
    expect(read).toMatchObject({ kind: "not_found", status: 404, code: "CONVERSATION_ITEM_NOT_FOUND", requestId: sentRequestId(adapter) });
    const write = await rejection(adapter.updateSummary({ provider: "allo", id: UNKNOWN_CALL, templateKey: null }, "x"));
    expect(write).toMatchObject({ kind: "not_found", status: 404, code: "CONVERSATION_ITEM_NOT_FOUND", outcomeUnknown: false });
  });

  it("maps SUMMARY_TEMPLATE_KEY_REQUIRED: a call with two templates and no key", async () => {
    const adapter = allo();
    const error = await rejection(adapter.updateSummary({ provider: "allo", id: bothTemplates.id, templateKey: null }, "x"));
    expect(error).toMatchObject({ kind: "invalid", status: 400, code: "SUMMARY_TEMPLATE_KEY_REQUIRED", reason: "template_required", requestId: sentRequestId(adapter) });
  });

  it("maps SUMMARY_TEMPLATE_NOT_FOUND: a template the call lacks, or a call with no summary", async () => {
    const adapter = allo();
    const missing = await rejection(adapter.updateSummary({ provider: "allo", id: shortOnly.id, templateKey: "MARKDOWN_CLASSIC" }, "x"));
    expect(missing).toMatchObject({ kind: "not_found", status: 404, code: "SUMMARY_TEMPLATE_NOT_FOUND" });
    const none = await rejection(adapter.updateSummary({ provider: "allo", id: noSummary.id, templateKey: null }, "x"));
    expect(none).toMatchObject({ kind: "not_found", status: 404, code: "SUMMARY_TEMPLATE_NOT_FOUND" });
  });

  /**
   * What the adapter refuses before sending carries the code Allo gives the same request: checked against the
   * emulator's answer, which the adapter's error mapper reads as the same error with a status and request id.
   */
  describe("refusals made before sending agree with Allo's own answer", () => {
    const setupOf = () => emulator.setup().providers.allo!;
    const send = (method: string, path: string, json?: unknown) =>
      raw(`${setupOf().baseUrl}${path}`, { method, headers: { authorization: setupOf().authorization }, json });

    it.each([
      {
        what: "a summary longer than 100,000 characters",
        local: () => allo().updateSummary({ provider: "allo", id: classicOnly.id, templateKey: null }, "a".repeat(100_001)),
        remote: () => send("PATCH", `/v2/api/conversations/items/${classicOnly.id}/summary`, { content: "a".repeat(100_001) }),
        code: "INVALID_REQUEST_BODY",
      },
      {
        what: "a summary update on a message",
        local: () => allo().updateSummary({ provider: "allo", id: sms.id, templateKey: null }, "x"),
        remote: () => send("PATCH", `/v2/api/conversations/items/${sms.id}/summary`, { content: "x" }),
        code: "INVALID_ITEM_ID",
      },
      {
        what: "a read of an id that is neither a call nor a message",
        local: () => allo().getCall("cnt-0000000001"),
        remote: () => send("GET", "/v2/api/conversations/items/cnt-0000000001?extend=transcript"),
        code: "INVALID_ITEM_ID",
      },
      {
        what: "a template key Allo does not have",
        local: () => allo().updateSummary({ provider: "allo", id: classicOnly.id, templateKey: "MARKDOWN_LONG" }, "x"),
        remote: () => send("PATCH", `/v2/api/conversations/items/${classicOnly.id}/summary`, { content: "x", template_key: "MARKDOWN_LONG" }),
        code: "INVALID_REQUEST_BODY",
      },
      {
        what: "a page size over 100",
        local: () => allo().listCalls({ page: 1, size: 101 }),
        remote: () => send("POST", "/v2/api/conversations/items/search", { type: "CALL", page: 1, size: 101 }),
        code: "INVALID_PAGE_SIZE",
      },
      {
        what: "page 0",
        local: () => allo().listCalls({ page: 0, size: 10 }),
        remote: () => send("POST", "/v2/api/conversations/items/search", { type: "CALL", page: 0, size: 10 }),
        code: "INVALID_PAGE_SIZE",
      },
    ])("$what: $code", async ({ local, remote, code }) => {
      const refused = await rejection(local());
      expect(refused).toMatchObject({ kind: "invalid", status: null, code, requestId: null });

      const answer = await remote();
      expect(answer.status).toBe(400);
      const mapped = mapAlloError(answer.status, answer.body, answer.headers);
      expect(mapped).toMatchObject({ kind: "invalid", status: 400, code });
      expect(mapped.requestId).toMatch(REQUEST_ID);
      expect(mapped.requestId).toBe(answer.headers.get("x-request-id"));
    });

    /** Answers the adapter never provokes (it always sends a key, JSON, and `extend=transcript`), read by its mapper. */
    it.each([
      { what: "no key", request: () => raw(`${setupOf().baseUrl}/v2/api/conversations/items/${classicOnly.id}`), status: 401, kind: "unauthorized", code: "UNAUTHORIZED" },
      {
        what: "a Bearer token",
        request: () => raw(`${setupOf().baseUrl}/v2/api/conversations/items/${classicOnly.id}`, { headers: { authorization: `Bearer ${setupOf().apiKey}` } }),
        status: 401,
        kind: "unauthorized",
        code: "UNAUTHORIZED",
      },
      {
        what: "an extend value other than transcript",
        request: () => send("GET", `/v2/api/conversations/items/${classicOnly.id}?extend=recording`),
        status: 400,
        kind: "invalid",
        code: "UNSUPPORTED_EXTEND_VALUE",
      },
      {
        what: "a date range that ends before it starts",
        request: () => send("POST", "/v2/api/conversations/items/search", { date: { from: "2026-05-02", to: "2026-05-01" } }),
        status: 400,
        kind: "invalid",
        code: "INVALID_DATE_RANGE",
      },
      {
        what: "a body that is not JSON",
        request: () =>
          fetch(`${setupOf().baseUrl}/v2/api/conversations/items/search`, {
            method: "POST",
            headers: { authorization: setupOf().authorization, "content-type": "application/json" },
            body: "{not json",
          }).then(async (response) => ({ status: response.status, headers: response.headers, body: (await response.json()) as unknown })),
        status: 400,
        kind: "invalid",
        code: "INVALID_REQUEST_BODY",
      },
      {
        what: "a body not sent as JSON",
        request: () =>
          fetch(`${setupOf().baseUrl}/v2/api/conversations/items/${classicOnly.id}/summary`, {
            method: "PATCH",
            headers: { authorization: setupOf().authorization, "content-type": "text/plain" },
            body: "content",
          }).then(async (response) => ({ status: response.status, headers: response.headers, body: (await response.json()) as unknown })),
        status: 415,
        kind: "invalid",
        code: "UNSUPPORTED_MEDIA_TYPE",
      },
    ])("$what: $status $code", async ({ request, status, kind, code }) => {
      const answer = await request();
      expect(answer.status).toBe(status);
      const mapped = mapAlloError(answer.status, answer.body, answer.headers);
      expect(mapped).toMatchObject({ provider: "allo", status, kind, code, retryable: false });
      expect(mapped.requestId).toBe(answer.headers.get("x-request-id"));
      expect(mapped.requestId).toMatch(REQUEST_ID);
    });

    it("sends nothing for what it refuses", async () => {
      const adapter = allo();
      await rejection(adapter.updateSummary({ provider: "allo", id: sms.id, templateKey: null }, "x"));
      await rejection(adapter.listCalls({ page: 1, size: 0 }));
      expect(adapter.fetch.exchanges).toEqual([]);
    });
  });
});

describe("Allo adapter against the emulator: faults", () => {
  const operations = {
    search: (adapter: ProviderAdapter) => adapter.listCalls({ page: 1, size: 5 }),
    getItem: (adapter: ProviderAdapter) => adapter.getCall(classicOnly.id),
    updateSummary: (adapter: ProviderAdapter) => adapter.updateSummary({ provider: "allo", id: classicOnly.id, templateKey: null }, "Edited through a fault."),
  } as const;

  it.each(["search", "getItem"] as const)("retries a read (%s) after a 429, waiting the Retry-After Allo sends", async (endpoint) => {
    await setFaults(emulator, `allo.${endpoint}:status=429,retryAfter=2,count=1`);
    const adapter = allo();
    await expect(operations[endpoint](adapter)).resolves.toBeTruthy();
    expect(adapter.fetch.exchanges.map((exchange) => exchange.status)).toEqual([429, 200]);
    expect(adapter.sleep.waits).toEqual([2_000]);
    expect(await faultsRemaining(emulator)).toEqual([0]);
  });

  it("does not retry a write after a 429, and hands on Allo's retry hint", async () => {
    await setFaults(emulator, "allo.updateSummary:status=429,count=1");
    const adapter = allo();
    const error = await rejection(operations.updateSummary(adapter));
    expect(error).toMatchObject({
      kind: "rate_limited",
      status: 429,
      code: "RATE_LIMIT_EXCEEDED",
      retryable: true,
      retryAfterSec: 1,
      outcomeUnknown: false,
      requestId: sentRequestId(adapter),
    });
    expect(adapter.fetch.exchanges).toHaveLength(1);
    expect((await adapter.getCall(classicOnly.id)).summary.content).toBe(classicOnly.summaries[0]!.content);
  });

  it.each(["search", "getItem"] as const)("retries a read (%s) through one 503, and gives up after four", async (endpoint) => {
    await setFaults(emulator, `allo.${endpoint}:status=503,count=1`);
    const once = allo();
    await expect(operations[endpoint](once)).resolves.toBeTruthy();
    expect(once.fetch.exchanges.map((exchange) => exchange.status)).toEqual([503, 200]);

    await setFaults(emulator, `allo.${endpoint}:status=503,count=4`);
    const always = allo();
    const error = await rejection(operations[endpoint](always));
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: "SERVICE_UNAVAILABLE", retryable: true, outcomeUnknown: false });
    expect(always.fetch.exchanges).toHaveLength(4);
  });

  it.each(["search", "getItem", "updateSummary"] as const)("maps a 500 on %s to unavailable, without retrying it", async (endpoint) => {
    await setFaults(emulator, `allo.${endpoint}:status=500,count=1`);
    const adapter = allo();
    const error = await rejection(operations[endpoint](adapter));
    expect(error).toMatchObject({
      kind: "unavailable",
      status: 500,
      code: "INTERNAL_SERVER_ERROR",
      retryable: true,
      outcomeUnknown: endpoint === "updateSummary",
      requestId: sentRequestId(adapter),
    });
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it("does not retry a write after a 503, whose outcome it cannot know", async () => {
    await setFaults(emulator, "allo.updateSummary:status=503,count=1");
    const adapter = allo();
    const error = await rejection(operations.updateSummary(adapter));
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: "SERVICE_UNAVAILABLE", outcomeUnknown: true });
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it.each(["search", "getItem", "updateSummary"] as const)("maps a reset connection on %s to unavailable", async (endpoint) => {
    await setFaults(emulator, `allo.${endpoint}:reset,count=1`);
    const error = await rejection(operations[endpoint](allo()));
    expect(error).toMatchObject({ kind: "unavailable", status: null, code: "NETWORK_ERROR", outcomeUnknown: endpoint === "updateSummary" });
  });

  it.each(["search", "getItem", "updateSummary"] as const)("times out on %s when Allo never answers", async (endpoint) => {
    await setFaults(emulator, `allo.${endpoint}:hang,count=1`);
    const error = await rejection(operations[endpoint](allo({ timeoutMs: 300 })));
    expect(error).toMatchObject({ kind: "timeout", status: null, code: "TIMEOUT", outcomeUnknown: endpoint === "updateSummary" });
  });

  it.each(unreadableAnswers(["search", "getItem", "updateSummary"]))("reads a %s answer that is %s as a contract failure", async (endpoint, mode) => {
    await setFaults(emulator, `allo.${endpoint}:${mode},count=1`);
    const adapter = allo();
    const error = await rejection(operations[endpoint](adapter));
    expect(error).toMatchObject({
      kind: "contract",
      status: 200,
      code: "INVALID_RESPONSE",
      // The write went through: only its answer is unreadable.
      outcomeUnknown: endpoint === "updateSummary",
      requestId: sentRequestId(adapter),
    });
    // A contract failure is not retried: asking again would only earn the same unreadable answer.
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it("reports a write whose answer never came as of unknown outcome, though it was applied", async () => {
    await setFaults(emulator, "allo.updateSummary:apply-then-hang,count=1");
    const error = await rejection(allo({ timeoutMs: 300 }).updateSummary({ provider: "allo", id: classicOnly.id, templateKey: null }, "Applied, unanswered."));
    expect(error).toMatchObject({ kind: "timeout", code: "TIMEOUT", outcomeUnknown: true });
    expect((await allo().getCall(classicOnly.id)).summary.content).toBe("Applied, unanswered.");
  });
});

describe("Allo adapter against the emulator: rate limits", () => {
  it("paces a burst of reads within Allo's 20 a second, so none is refused", async () => {
    await setEmulatorSettings(emulator, { rateLimits: true });
    const adapter = allo({ rateLimit: undefined, sleep: undefined });
    // Ordinary calls: a marathon transcript would hold the shared event loop and skew when requests are counted.
    const ids = newestFirst.filter((call) => recipeOf(call).turns <= 200).slice(0, 45).map((call) => call.id);
    const details = await Promise.all(ids.map((id) => adapter.getCall(id)));
    expect(details.map((detail) => detail.ref.callId)).toEqual(ids);
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.status === 429)).toEqual([]);
  });

  it("paces searches as writes, within Allo's 5 a second", async () => {
    await setEmulatorSettings(emulator, { rateLimits: true });
    const adapter = allo({ rateLimit: undefined, sleep: undefined });
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((page) => adapter.listCalls({ page, size: 5 })));
    expect(pages.flatMap((page) => page.items.map((item) => item.ref.callId))).toEqual(newestFirst.slice(0, 60).map((call) => call.id));
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.status === 429)).toEqual([]);
  });
});
