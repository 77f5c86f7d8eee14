import { describe, expect, it } from "vitest";
import { createBlandAdapter } from "@/lib/providers/bland/adapter";
import { ProviderError } from "@/lib/providers/provider-error";
import { fakeFetch, hang, json, text, type FakeFetch } from "../fake-fetch";
import { AGENT_NUMBER, CALL_ID, CUSTOMER_NUMBER, blandCall, contact, contactsPage, envelopeError, listedCall, memory, writeSummary } from "./fixtures";

const BASE_URL = "https://bland.example.test";
const MEMORY_ID = "mem-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

function adapter(fetch: FakeFetch, timeoutMs = 1_000) {
  const sleeps: number[] = [];
  const bland = createBlandAdapter({
    apiKey: "org_bland_secret",
    baseUrl: BASE_URL,
    timeoutMs,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return Object.assign(bland, { sleeps });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const sent = (fetch: FakeFetch) => fetch.requests.map((request) => `${request.method} ${request.url.replace(BASE_URL, "")}`);

/** The three reads of a call whose contact and memory are found on the first contacts page. */
const readsOfCall = () => [
  json(200, blandCall()),
  json(200, contactsPage([contact()])),
  json(200, { data: memory(), errors: null }),
];

describe("Bland adapter", () => {
  it("declares what Bland can do", () => {
    expect(adapter(fakeFetch()).capabilities).toEqual({ write: "sync", format: "plain", maxLength: 10_000, templates: [], versionWitness: "updated_at" });
  });

  describe("listCalls", () => {
    it("asks for an index range of the newest calls with the bare key", async () => {
      const listed = listedCall();
      // The list does not say which way a call went: the detail of the first call on an unknown number does.
      const fetch = fakeFetch(json(200, { count: 784, calls: [listed] }), json(200, blandCall({ call_id: listed.call_id, to: listed.to, from: listed.from, inbound: false })));

      const page = await adapter(fetch).listCalls({ page: 2, size: 20 });

      const [request] = fetch.requests;
      expect(request?.method).toBe("GET");
      expect(Object.fromEntries(new URL(request?.url ?? "").searchParams)).toEqual({ from: "20", to: "40", ascending: "false", sort_by: "created_at" });
      expect(request?.headers.get("authorization")).toBe("org_bland_secret");
      expect(sent(fetch)[1]).toBe(`GET /v1/calls/${listed.call_id}`);
      expect(page).toEqual({
        items: [
          {
            ref: { provider: "bland", callId: "c1234567-89ab-cdef-0123-456789abcdef" },
            targetId: null,
            summaryText: null,
            startedAt: "2023-12-21T23:25:14.801Z",
            durationSec: 50,
            direction: "outbound",
            agent: { id: "+15557654321", name: null },
            counterpart: { name: null, number: "5551234567" },
            summaryStatus: "unchecked",
          },
        ],
        page: 2,
        size: 20,
        totalCount: 784,
        hasMore: true,
      });
    });

    it("knows the last page from the count", async () => {
      const page = await adapter(fakeFetch(json(200, { count: 21, calls: [listedCall({ inbound: false })] }))).listCalls({ page: 2, size: 20 });

      expect(page).toMatchObject({ totalCount: 21, hasMore: false });
    });

    it("tells inbound from outbound by the agent numbers it has learnt, reading one call's detail per number", async () => {
      const support = "+15550300100";
      const sales = "+15550300200";
      const calls = [
        listedCall({ call_id: "call-1", from: "+15551110001", to: support }),
        listedCall({ call_id: "call-2", from: support, to: "+15551110002" }),
        listedCall({ call_id: "call-3", from: "+15551110003", to: support }),
        listedCall({ call_id: "call-4", from: sales, to: "+15551110004" }),
        listedCall({ call_id: "call-5", from: "+15551110005", to: sales }),
      ];
      const fetch = fakeFetch(
        json(200, { count: 5, calls }),
        json(200, blandCall({ call_id: "call-1", from: "+15551110001", to: support, inbound: true })),
        json(200, blandCall({ call_id: "call-4", from: sales, to: "+15551110004", inbound: false })),
      );

      const page = await adapter(fetch).listCalls({ page: 1, size: 20 });

      expect(sent(fetch).slice(1)).toEqual(["GET /v1/calls/call-1", "GET /v1/calls/call-4"]);
      expect(page.items.map((item) => [item.direction, item.agent?.id, item.counterpart.number])).toEqual([
        ["inbound", support, "+15551110001"],
        ["outbound", support, "+15551110002"],
        ["inbound", support, "+15551110003"],
        ["outbound", sales, "+15551110004"],
        ["inbound", sales, "+15551110005"],
      ]);
    });

    it("reads no detail for calls on configured agent numbers", async () => {
      const fetch = fakeFetch(json(200, { count: 2, calls: [listedCall({ from: "+15551110001", to: AGENT_NUMBER }), listedCall({ from: AGENT_NUMBER, to: "+15551110002" })] }));
      const bland = createBlandAdapter({ apiKey: "k", baseUrl: BASE_URL, timeoutMs: 1_000, fetch, agentNumbers: [AGENT_NUMBER] });

      const page = await bland.listCalls({ page: 1, size: 20 });

      expect(fetch.requests).toHaveLength(1);
      expect(page.items.map((item) => item.direction)).toEqual(["inbound", "outbound"]);
    });

    it("retries a rate-limited list after Retry-After", async () => {
      const fetch = fakeFetch(text(429, "Too Many Requests", { "Retry-After": "2" }), json(200, { count: 0, calls: [] }));
      const bland = adapter(fetch);

      await bland.listCalls({ page: 1, size: 20 });

      expect(bland.sleeps).toEqual([2_000]);
      expect(fetch.requests).toHaveLength(2);
    });

    it.each([
      { status: 400, body: { message: "Invalid from/to range" }, kind: "invalid", message: "Invalid from/to range" },
      { status: 401, body: { status: "error", message: "Invalid API key" }, kind: "unauthorized", message: "Invalid API key" },
      { status: 403, body: { error: "Forbidden" }, kind: "forbidden", message: "Forbidden" },
      { status: 500, body: "Internal Server Error", kind: "unavailable", message: "Bland is unavailable right now. (HTTP 500)" },
    ] as const)("reports a bare $status from the call list as $kind", async ({ status, body, kind, message }) => {
      const fetch = fakeFetch(typeof body === "string" ? text(status, body) : json(status, body));

      const error = await rejection(adapter(fetch).listCalls({ page: 1, size: 20 }));

      expect(error).toMatchObject({ provider: "bland", status, code: `HTTP_${status}`, kind, message, requestId: null });
    });

    it("refuses a page size over 1,000 without calling Bland", async () => {
      const fetch = fakeFetch();

      expect(await rejection(adapter(fetch).listCalls({ page: 1, size: 1_001 }))).toMatchObject({ code: "INVALID_PAGE_SIZE" });
      expect(fetch.requests).toHaveLength(0);
    });
  });

  describe("getCall", () => {
    it("reads the call, finds its contact and shows that contact memory's summary", async () => {
      const fetch = fakeFetch(...readsOfCall());

      const detail = await adapter(fetch).getCall(CALL_ID);

      expect(sent(fetch)).toEqual([`GET /v1/calls/${CALL_ID}`, "GET /v1/contacts?limit=200&offset=0", `GET /v1/memory/contact/${MEMORY_ID}`]);
      expect(fetch.requests.every((request) => request.headers.get("authorization") === "org_bland_secret")).toBe(true);
      expect(detail.summary).toEqual({
        templateKey: null,
        content: memory().summary,
        version: null,
        updatedAt: "2025-07-22T16:00:00.000Z",
        updatedBy: null,
      });
      expect(detail).toMatchObject({
        ref: { provider: "bland", callId: CALL_ID },
        direction: "outbound",
        agent: { id: AGENT_NUMBER, name: null },
        counterpart: { name: "John Doe", number: CUSTOMER_NUMBER },
        durationSec: 45,
        summaryStatus: "ready",
      });
      expect(detail.transcript).toEqual([
        { speaker: "customer", speakerName: "John Doe", at: "2024-04-27T23:51:26.100Z", text: "Hello?" },
        { speaker: "agent", speakerName: null, at: "2024-04-27T23:51:27.200Z", text: "Hi there! This is the hotel booking line." },
        { speaker: "agent", speakerName: "Agent action", at: "2024-04-27T23:51:40.300Z", text: "Transferred to +14155550123" },
      ]);
    });

    it("falls back to the memory's updated_at when Bland gives no summary_updated_at", async () => {
      const fetch = fakeFetch(json(200, blandCall()), json(200, contactsPage([contact()])), json(200, { data: memory({ summary_updated_at: null }), errors: null }));

      expect((await adapter(fetch).getCall(CALL_ID)).summary.updatedAt).toBe("2025-07-22T16:05:00.000Z");
    });

    it("reads on through the contacts until one holds the customer's number", async () => {
      const stranger = contact({ id: "c-0", identifiers: [{ identifier_type: "phone_number", identifier_value: "+15550000000", is_primary: true }] });
      const fetch = fakeFetch(
        json(200, blandCall()),
        json(200, contactsPage([stranger], { total: 201, has_more: true })),
        json(200, contactsPage([contact()], { total: 201, offset: 200, has_more: false })),
        json(200, { data: memory(), errors: null }),
      );

      const detail = await adapter(fetch).getCall(CALL_ID);

      expect(sent(fetch)[2]).toBe("GET /v1/contacts?limit=200&offset=200");
      expect(detail.summary.content).toBe(memory().summary);
    });

    it("has no summary when no contact holds the customer's number", async () => {
      const fetch = fakeFetch(json(200, blandCall()), json(200, contactsPage([])));

      const detail = await adapter(fetch).getCall(CALL_ID);

      expect(detail.summary.content).toBeNull();
      expect(detail.summaryStatus).toBe("absent");
      expect(detail.counterpart.name).toBeNull();
      expect(fetch.requests).toHaveLength(2);
    });

    it("has no summary when the contact keeps no memory for this call's agent", async () => {
      const fetch = fakeFetch(json(200, blandCall({ from: "+13334445555" })), json(200, contactsPage([contact()])));

      const detail = await adapter(fetch).getCall(CALL_ID);

      expect(detail.summary).toMatchObject({ content: null, updatedAt: null });
      expect(detail.counterpart.name).toBe("John Doe");
    });

    it("uses the persona's memory for a call placed with a persona", async () => {
      const withPersona = contact({
        memories: [...contact().memories, { id: "mem-persona", persona_id: "persona-12345678", agent_number: null, summary: "p" }],
      });
      const fetch = fakeFetch(
        json(200, blandCall({ request_data: { persona_id: "persona-12345678" } })),
        json(200, contactsPage([withPersona])),
        json(200, { data: memory({ id: "mem-persona", persona_id: "persona-12345678", agent_number: null }), errors: null }),
      );

      await adapter(fetch).getCall(CALL_ID);

      expect(sent(fetch)[2]).toBe("GET /v1/memory/contact/mem-persona");
    });

    it("remembers where a call's memory is, and reads only the call and the memory the next time", async () => {
      const fetch = fakeFetch(...readsOfCall(), json(200, blandCall()), json(200, { data: memory(), errors: null }));
      const bland = adapter(fetch);

      await bland.getCall(CALL_ID);
      await bland.getCall(CALL_ID);

      expect(sent(fetch).slice(3)).toEqual([`GET /v1/calls/${CALL_ID}`, `GET /v1/memory/contact/${MEMORY_ID}`]);
    });

    it("looks again when a remembered memory is gone", async () => {
      const fetch = fakeFetch(
        ...readsOfCall(),
        json(200, blandCall()),
        json(404, envelopeError("NOT_FOUND", "Contact memory not found")),
        json(200, contactsPage([contact({ memories: [{ id: "mem-new", agent_number: AGENT_NUMBER }] })])),
        json(200, { data: memory({ id: "mem-new", summary: null, summary_updated_at: null }), errors: null }),
      );
      const bland = adapter(fetch);

      await bland.getCall(CALL_ID);
      const detail = await bland.getCall(CALL_ID);

      expect(sent(fetch).slice(5)).toEqual(["GET /v1/contacts?limit=200&offset=0", "GET /v1/memory/contact/mem-new"]);
      expect(detail.summary.content).toBeNull();
    });

    it.each([
      { status: 404, body: { message: "Call not found" }, kind: "not_found", code: "HTTP_404", message: "Call not found" },
      { status: 401, body: { message: "Invalid API key" }, kind: "unauthorized", code: "HTTP_401", message: "Invalid API key" },
      { status: 400, body: { errors: ["Invalid call_id"] }, kind: "invalid", code: "HTTP_400", message: "Invalid call_id" },
      { status: 502, body: "<html>bad gateway</html>", kind: "unavailable", code: "HTTP_502", message: "Bland is unavailable right now. (HTTP 502)" },
    ] as const)("reports the call read's $status as $kind", async ({ status, body, kind, code, message }) => {
      const fetch = fakeFetch(typeof body === "string" ? text(status, body) : json(status, body));

      const error = await rejection(adapter(fetch).getCall(CALL_ID));

      expect(error).toMatchObject({ provider: "bland", status, kind, code, message, retryable: kind === "unavailable" });
    });

    it.each([
      { status: 401, error: "UNAUTHORIZED", kind: "unauthorized" },
      { status: 403, error: "FORBIDDEN", kind: "forbidden" },
      { status: 400, error: "INVALID_REQUEST", kind: "invalid" },
      { status: 500, error: "INTERNAL_SERVER_ERROR", kind: "unavailable" },
    ] as const)("reports the contacts list's $error envelope as $kind", async ({ status, error: code, kind }) => {
      const fetch = fakeFetch(json(200, blandCall()), json(status, envelopeError(code, `Bland says ${code}`)));

      const error = await rejection(adapter(fetch).getCall(CALL_ID));

      expect(error).toMatchObject({ provider: "bland", status, code, kind, message: `Bland says ${code}` });
    });

    it("reports an error envelope Bland sends with a 200 as that error", async () => {
      const fetch = fakeFetch(json(200, blandCall()), json(200, contactsPage([contact()])), json(200, envelopeError("MEMORY_NOT_FOUND", "No memory")));

      const error = await rejection(adapter(fetch).getCall(CALL_ID));

      expect(error).toMatchObject({ status: 200, code: "MEMORY_NOT_FOUND", kind: "not_found", message: "No memory" });
    });

    it("reports a memory read's envelope error with Bland's code", async () => {
      const fetch = fakeFetch(json(200, blandCall()), json(200, contactsPage([contact()])), json(401, envelopeError("UNAUTHORIZED", "Invalid API key")));

      expect(await rejection(adapter(fetch).getCall(CALL_ID))).toMatchObject({ status: 401, code: "UNAUTHORIZED", kind: "unauthorized" });
    });

    it("refuses an id that cannot be a Bland call id, without calling Bland", async () => {
      const fetch = fakeFetch();

      expect(await rejection(adapter(fetch).getCall("../memory/contact/x"))).toMatchObject({ kind: "invalid", code: "INVALID_CALL_ID" });
      expect(fetch.requests).toHaveLength(0);
    });
  });

  describe("updateSummary", () => {
    const applied = (summary: string) =>
      json(200, { data: memory({ summary, summary_updated_at: "2025-07-23T09:00:00.000Z", updated_at: "2025-07-23T09:00:00.000Z" }), errors: null });

    it("replaces the contact memory's summary and reports when it was applied", async () => {
      const fetch = fakeFetch(...readsOfCall(), applied("Corrected."));
      const bland = adapter(fetch);

      await bland.getCall(CALL_ID);
      const outcome = await writeSummary(bland, CALL_ID, "Corrected.");

      const patch = fetch.requests[3];
      expect(patch?.method).toBe("PATCH");
      expect(patch?.url).toBe(`${BASE_URL}/v1/memory/contact/${MEMORY_ID}/summary`);
      expect(patch?.body).toEqual({ summary: "Corrected." });
      expect(patch?.headers.get("content-type")).toBe("application/json");
      expect(fetch.requests).toHaveLength(4);
      expect(outcome).toEqual({ status: "applied", content: "Corrected.", version: null, updatedAt: "2025-07-23T09:00:00.000Z", updatedBy: null });
    });

    it("finds the memory first when the call has not been read", async () => {
      const fetch = fakeFetch(json(200, blandCall()), json(200, contactsPage([contact()])), applied("Corrected."));

      await writeSummary(adapter(fetch), CALL_ID, "Corrected.");

      expect(sent(fetch)).toEqual([`GET /v1/calls/${CALL_ID}`, "GET /v1/contacts?limit=200&offset=0", `PATCH /v1/memory/contact/${MEMORY_ID}/summary`]);
    });

    it("refuses with NO_CONTACT_MEMORY when the call has no memory to write to", async () => {
      const fetch = fakeFetch(json(200, blandCall()), json(200, contactsPage([])));

      const error = await rejection(writeSummary(adapter(fetch), CALL_ID, "Corrected."));

      expect(error).toMatchObject({ provider: "bland", kind: "not_found", code: "NO_CONTACT_MEMORY", status: null, retryable: false });
      expect(fetch.requests.map((request) => request.method)).toEqual(["GET", "GET"]);
    });

    it("sends exactly 10,000 characters", async () => {
      const fetch = fakeFetch(json(200, blandCall()), json(200, contactsPage([contact()])), applied("a".repeat(10_000)));

      await writeSummary(adapter(fetch), CALL_ID, "a".repeat(10_000));

      expect(fetch.requests).toHaveLength(3);
    });

    it.each([
      { name: "an empty summary", content: "", code: "BAD_REQUEST" },
      { name: "10,001 characters", content: "a".repeat(10_001), code: "SUMMARY_TOO_LONG" },
    ])("refuses $name without calling Bland", async ({ content, code }) => {
      const fetch = fakeFetch();

      const target = { provider: "bland" as const, id: memory().id as string, templateKey: null };
      expect(await rejection(adapter(fetch).updateSummary(target, content))).toMatchObject({ kind: "invalid", code });
      expect(fetch.requests).toHaveLength(0);
    });

    it.each([
      { status: 400, error: "BAD_REQUEST", message: "summary is required", kind: "invalid" },
      { status: 404, error: "NOT_FOUND", message: "Contact memory not found", kind: "not_found" },
      { status: 401, error: "UNAUTHORIZED", message: "Invalid API key", kind: "unauthorized" },
    ] as const)("reports the PATCH's $error ($status) as $kind, and forgets a memory that is gone", async ({ status, error: code, message, kind }) => {
      const fetch = fakeFetch(...readsOfCall(), json(status, envelopeError(code, message)), json(200, blandCall()), json(200, contactsPage([])));
      const bland = adapter(fetch);
      await bland.getCall(CALL_ID);

      const error = await rejection(writeSummary(bland, CALL_ID, "x"));

      expect(error).toMatchObject({ provider: "bland", status, code, kind, message, retryable: false, outcomeUnknown: false });
      if (kind === "not_found") {
        await rejection(writeSummary(bland, CALL_ID, "x"));
        expect(sent(fetch).slice(4)).toEqual([`GET /v1/calls/${CALL_ID}`, "GET /v1/contacts?limit=200&offset=0"]);
      }
    });

    it("does not retry a rate-limited save and says when to try again", async () => {
      const fetch = fakeFetch(...readsOfCall(), json(429, envelopeError("RATE_LIMITED", "Slow down"), { "Retry-After": "3" }));
      const bland = adapter(fetch);
      await bland.getCall(CALL_ID);

      const error = await rejection(writeSummary(bland, CALL_ID, "x"));

      expect(error).toMatchObject({ kind: "rate_limited", code: "RATE_LIMITED", retryable: true, retryAfterSec: 3, outcomeUnknown: false });
      expect(fetch.requests).toHaveLength(4);
    });

    it("marks a save answered with a 5xx, or never answered, as of unknown outcome", async () => {
      const failing = fakeFetch(...readsOfCall(), json(500, envelopeError("INTERNAL_SERVER_ERROR", "boom")));
      const bland = adapter(failing);
      await bland.getCall(CALL_ID);
      const hanging = fakeFetch(...readsOfCall(), hang());
      const slow = adapter(hanging, 30);
      await slow.getCall(CALL_ID);

      const serverError = await rejection(writeSummary(bland, CALL_ID, "x"));
      const timeout = await rejection(writeSummary(slow, CALL_ID, "x"));

      expect(serverError).toMatchObject({ kind: "unavailable", outcomeUnknown: true });
      expect(timeout).toMatchObject({ kind: "timeout", outcomeUnknown: true });
    });

    it("reports a refusal Bland sends inside a 200 as a known refusal", async () => {
      const fetch = fakeFetch(...readsOfCall(), json(200, envelopeError("BAD_REQUEST", "summary is required")));
      const bland = adapter(fetch);
      await bland.getCall(CALL_ID);

      const error = await rejection(writeSummary(bland, CALL_ID, "x"));

      expect(error).toMatchObject({ status: 200, code: "BAD_REQUEST", kind: "invalid", outcomeUnknown: false });
    });
  });
});
