import { describe, expect, it } from "vitest";
import { ProviderError } from "@/lib/providers/provider-error";
import { createTwilioAdapter } from "@/lib/providers/twilio/adapter";
import { fakeFetch, hang, json, text, type FakeFetch } from "../fake-fetch";
import { PROFILE_A, PROFILE_B, STORE_ID, SUMMARY_1, summaryInfo, summaryPage, ttid, twilioError } from "./fixtures";

const BASE_URL = "https://memory.example.test";
const CALL_ID = `${PROFILE_A}~${SUMMARY_1}`;
const summariesUrl = (profileId: string) => `${BASE_URL}/v1/Stores/${STORE_ID}/Profiles/${profileId}/ConversationSummaries`;

function adapter(fetch: FakeFetch, options: { profileIds?: string[]; timeoutMs?: number } = {}) {
  const sleeps: number[] = [];
  const twilio = createTwilioAdapter({
    apiKeySid: "SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    apiKeySecret: "twilio-secret",
    baseUrl: BASE_URL,
    timeoutMs: options.timeoutMs ?? 1_000,
    storeId: STORE_ID,
    profileIds: options.profileIds ?? [PROFILE_A],
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return Object.assign(twilio, { sleeps });
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

const summary = (seed: string, occurredAt: string) => summaryInfo({ id: ttid("mem_summary_", seed), occurredAt });
const basic = `Basic ${Buffer.from("SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:twilio-secret").toString("base64")}`;

describe("Twilio Memory adapter", () => {
  it("declares what Twilio Memory can do", () => {
    expect(adapter(fakeFetch()).capabilities).toEqual({ write: "async", format: "plain", maxLength: 4_096, templates: [], versionWitness: "updated_at" });
  });

  it("refuses to start with a store or profile id that is not a TTID", () => {
    const make = (storeId: string, profileIds: string[]) => () =>
      createTwilioAdapter({ apiKeySid: "SK1", apiKeySecret: "s", baseUrl: BASE_URL, timeoutMs: 1_000, storeId, profileIds });

    expect(make("store_1", [PROFILE_A])).toThrow("Memory Store ID");
    expect(make(STORE_ID, ["mem_profile_9abc"])).toThrow("profile ID");
    expect(make(STORE_ID, [])).toThrow("at least one profile");
  });

  describe("listCalls", () => {
    it("reads a profile's summaries with Basic auth and maps them, newest first", async () => {
      const fetch = fakeFetch(json(200, summaryPage([summary("old", "2025-01-10T09:00:00Z"), summary("new", "2025-01-15T10:30:00Z")])));

      const page = await adapter(fetch).listCalls({ page: 1, size: 20 });

      const [sent] = fetch.requests;
      expect(sent?.method).toBe("GET");
      expect(sent?.url).toBe(`${summariesUrl(PROFILE_A)}?pageSize=50`);
      expect(sent?.headers.get("authorization")).toBe(basic);
      expect(page).toEqual({
        items: [
          {
            ref: { provider: "twilio", callId: `${PROFILE_A}~${ttid("mem_summary_", "new")}` },
            targetId: `${PROFILE_A}~${ttid("mem_summary_", "new")}`,
            startedAt: "2025-01-15T10:30:00.000Z",
            durationSec: null,
            direction: "inbound",
            agent: null,
            counterpart: { id: PROFILE_A, name: null, number: null },
            summaryStatus: "ready",
            summaryText: expect.any(String),
          },
          expect.objectContaining({ startedAt: "2025-01-10T09:00:00.000Z" }),
        ],
        page: 1,
        size: 20,
        totalCount: 2,
        hasMore: false,
      });
    });

    it("follows nextToken to the end and merges every configured profile, newest first", async () => {
      const fetch = fakeFetch(
        json(200, summaryPage([summary("a1", "2025-01-05T00:00:00Z")], { nextToken: "tok-2" })),
        json(200, summaryPage([summary("b1", "2025-01-04T00:00:00Z"), summary("b2", "2025-01-06T00:00:00Z")])),
        json(200, summaryPage([summary("a2", "2025-01-07T00:00:00Z")], { nextToken: null })),
      );

      const page = await adapter(fetch, { profileIds: [PROFILE_A, PROFILE_B] }).listCalls({ page: 1, size: 3 });

      expect(fetch.requests.map((request) => request.url)).toEqual([
        `${summariesUrl(PROFILE_A)}?pageSize=50`,
        `${summariesUrl(PROFILE_B)}?pageSize=50`,
        `${summariesUrl(PROFILE_A)}?pageSize=50&pageToken=tok-2`,
      ]);
      expect(page.items.map((item) => item.ref.callId)).toEqual([
        `${PROFILE_A}~${ttid("mem_summary_", "a2")}`,
        `${PROFILE_B}~${ttid("mem_summary_", "b2")}`,
        `${PROFILE_A}~${ttid("mem_summary_", "a1")}`,
      ]);
      expect(page).toMatchObject({ totalCount: 4, hasMore: true });
    });

    it("reads the items from the key meta names, and from `summaries` when meta names none", async () => {
      const fetch = fakeFetch(
        json(200, { items: [summary("k", "2025-01-01T00:00:00Z")], meta: { key: "items" } }),
        json(200, { summaries: [summary("s", "2025-01-02T00:00:00Z")], meta: { pageSize: 2, nextToken: "eyJlYXN0ZXIiOiJlZ2cifQ" } }),
        json(200, { summaries: [], meta: {} }),
      );
      const twilio = adapter(fetch, { profileIds: [PROFILE_A, PROFILE_B] });

      const page = await twilio.listCalls({ page: 1, size: 10 });

      expect(page.totalCount).toBe(2);
    });

    it("reuses page 1's read for the pages after it, and reads afresh for page 1", async () => {
      const all = summaryPage([summary("x", "2025-01-02T00:00:00Z"), summary("y", "2025-01-01T00:00:00Z")]);
      const fetch = fakeFetch(json(200, all), json(200, all));
      const twilio = adapter(fetch);

      await twilio.listCalls({ page: 1, size: 1 });
      const second = await twilio.listCalls({ page: 2, size: 1 });
      await twilio.listCalls({ page: 1, size: 1 });

      expect(second.items[0]?.ref.callId).toBe(`${PROFILE_A}~${ttid("mem_summary_", "y")}`);
      expect(fetch.requests).toHaveLength(2);
    });

    it("stops when Twilio hands back a token it already gave", async () => {
      const fetch = fakeFetch(
        json(200, summaryPage([summary("a", "2025-01-02T00:00:00Z")], { nextToken: "same" })),
        json(200, summaryPage([], { nextToken: "same" })),
      );

      await adapter(fetch).listCalls({ page: 1, size: 10 });

      expect(fetch.requests).toHaveLength(2);
    });

    it("reports a list without meta, or with a summary id that is not a TTID, as a broken contract", async () => {
      const noMeta = await rejection(adapter(fakeFetch(json(200, { summaries: [] }))).listCalls({ page: 1, size: 10 }));
      const badId = await rejection(adapter(fakeFetch(json(200, summaryPage([summaryInfo({ id: "sum_1" })])))).listCalls({ page: 1, size: 10 }));

      expect(noMeta).toMatchObject({ kind: "contract", code: "INVALID_RESPONSE" });
      expect(badId.message).toContain("summaries[0].id");
    });

    it("waits out a rate limit's Retry-After before reading again", async () => {
      const fetch = fakeFetch(
        json(429, twilioError(429, 20429, "Too many requests. Please retry according to the Retry-After response header."), { "Retry-After": "2" }),
        json(200, summaryPage([])),
      );
      const twilio = adapter(fetch);

      await twilio.listCalls({ page: 1, size: 10 });

      expect(twilio.sleeps).toEqual([2_000]);
    });
  });

  describe("getCall", () => {
    it("fetches the summary by its profile and id; there is no transcript", async () => {
      const fetch = fakeFetch(json(200, summaryInfo({ updatedAt: "2025-01-16T08:00:00Z" }), { "Canonical-Profile-Id": PROFILE_A }));

      const detail = await adapter(fetch).getCall(CALL_ID);

      expect(fetch.requests[0]?.url).toBe(`${summariesUrl(PROFILE_A)}/${SUMMARY_1}`);
      expect(fetch.requests[0]?.headers.get("authorization")).toBe(basic);
      expect(detail).toMatchObject({ ref: { provider: "twilio", callId: CALL_ID }, startedAt: "2025-01-15T10:30:00.000Z", transcript: [] });
      expect(detail.summary).toEqual({
        templateKey: null,
        content: summaryInfo().content,
        version: null,
        updatedAt: "2025-01-16T08:00:00.000Z",
        updatedBy: null,
      });
    });

    it("reads a summary of a profile that is not in the configured list", async () => {
      const fetch = fakeFetch(json(200, summaryInfo()));

      await adapter(fetch).getCall(`${PROFILE_B}~${SUMMARY_1}`);

      expect(fetch.requests[0]?.url).toBe(`${summariesUrl(PROFILE_B)}/${SUMMARY_1}`);
    });

    it.each([
      `${PROFILE_A}/${SUMMARY_1}`,
      `${PROFILE_A}~${SUMMARY_1}~x`,
      `${PROFILE_A}~mem_summary_9zzzzzzzzzzzzzzzzzzzzzzzzz`,
      SUMMARY_1,
      "",
    ])("refuses the id %j without calling Twilio", async (callId) => {
      const fetch = fakeFetch();

      expect(await rejection(adapter(fetch).getCall(callId))).toMatchObject({ kind: "invalid", code: "INVALID_CALL_ID", status: null });
      expect(fetch.requests).toHaveLength(0);
    });

    it.each([
      { status: 400, code: 400, message: "Failed to complete request due to a bad request", kind: "invalid", retryable: false },
      { status: 401, code: 20003, message: "Failed to complete request due to lack of authentication credentials", kind: "unauthorized", retryable: false },
      { status: 403, code: 403, message: "Permission to access resource denied", kind: "forbidden", retryable: false },
      { status: 404, code: 20404, message: "Not Found", kind: "not_found", retryable: false },
      { status: 500, code: 20500, message: "Internal Server Error", kind: "unavailable", retryable: true },
    ] as const)("reports fetch's $status ($code) as $kind with Twilio's request id", async ({ status, code, message, kind, retryable }) => {
      const fetch = fakeFetch(json(status, twilioError(status, code, message), { "Twilio-Request-Id": "RQ0123456789abcdef" }));

      const error = await rejection(adapter(fetch).getCall(CALL_ID));

      expect(error).toMatchObject({ provider: "twilio", status, code: String(code), kind, message, retryable, requestId: "RQ0123456789abcdef", retryAfterSec: null });
    });

    it("retries a read Twilio answers 503 and reports the last one after three retries", async () => {
      const unavailable = json(503, twilioError(503, 20503, "Service Unavailable"), { "Retry-After": "1" });
      const fetch = fakeFetch(unavailable, unavailable, unavailable, unavailable);
      const twilio = adapter(fetch);

      const error = await rejection(twilio.getCall(CALL_ID));

      expect(fetch.requests).toHaveLength(4);
      expect(twilio.sleeps).toEqual([1_000, 1_000, 1_000]);
      expect(error).toMatchObject({ kind: "unavailable", code: "20503", retryable: true, retryAfterSec: 1 });
    });

    it("hands a long Retry-After back to the caller instead of waiting", async () => {
      const fetch = fakeFetch(json(429, twilioError(429, 20429, "Too many requests."), { "Retry-After": "60" }));
      const twilio = adapter(fetch);

      const error = await rejection(twilio.getCall(CALL_ID));

      expect(error).toMatchObject({ kind: "rate_limited", code: "20429", retryable: true, retryAfterSec: 60 });
      expect(twilio.sleeps).toEqual([]);
    });

    it("names the canonical profile when a merged profile's redirect could not be followed", async () => {
      const fetch = fakeFetch(
        json(301, { message: "Profile has been merged", uri: `/v1/Stores/${STORE_ID}/Profiles/${PROFILE_B}` }, { "Canonical-Profile-Id": PROFILE_B }),
      );

      const error = await rejection(adapter(fetch).getCall(CALL_ID));

      expect(error).toMatchObject({ status: 301, code: "MOVED_PERMANENTLY", kind: "not_found", retryable: false });
      expect(error.message).toContain(PROFILE_B);
    });
  });

  describe("updateSummary", () => {
    const accepted = () => json(202, { message: "Conversation summary update accepted" });

    it("PATCHes the content and reports it accepted, to be applied later", async () => {
      const fetch = fakeFetch(accepted());

      const outcome = await adapter(fetch).updateSummary({ provider: "twilio", id: CALL_ID, templateKey: null }, "Customer wants a refund.");

      const [sent] = fetch.requests;
      expect(sent?.method).toBe("PATCH");
      expect(sent?.url).toBe(`${summariesUrl(PROFILE_A)}/${SUMMARY_1}`);
      expect(sent?.body).toEqual({ content: "Customer wants a refund." });
      expect(sent?.headers.get("content-type")).toBe("application/json");
      expect(sent?.headers.get("authorization")).toBe(basic);
      expect(outcome).toEqual({ status: "accepted" });
    });

    it("takes a 202 with an empty body as accepted", async () => {
      expect(await adapter(fakeFetch(text(202, ""))).updateSummary({ provider: "twilio", id: CALL_ID, templateKey: null }, "x")).toEqual({ status: "accepted" });
    });

    it("sends exactly 4,096 characters", async () => {
      const fetch = fakeFetch(accepted());

      await adapter(fetch).updateSummary({ provider: "twilio", id: CALL_ID, templateKey: null }, "a".repeat(4_096));

      expect(fetch.requests).toHaveLength(1);
    });

    it.each([
      { name: "4,097 characters", callId: CALL_ID, content: "a".repeat(4_097), code: "SUMMARY_TOO_LONG" },
      { name: "an empty summary", callId: CALL_ID, content: "", code: "SUMMARY_EMPTY" },
      { name: "an id that is not profile~summary", callId: SUMMARY_1, content: "x", code: "INVALID_CALL_ID" },
    ])("refuses $name without calling Twilio", async ({ callId, content, code }) => {
      const fetch = fakeFetch();

      expect(await rejection(adapter(fetch).updateSummary({ provider: "twilio", id: callId, templateKey: null }, content))).toMatchObject({ kind: "invalid", code, status: null });
      expect(fetch.requests).toHaveLength(0);
    });

    it.each([
      { status: 400, code: 400, kind: "invalid", outcomeUnknown: false },
      { status: 401, code: 20003, kind: "unauthorized", outcomeUnknown: false },
      { status: 403, code: 403, kind: "forbidden", outcomeUnknown: false },
      { status: 404, code: 20404, kind: "not_found", outcomeUnknown: false },
      { status: 429, code: 20429, kind: "rate_limited", outcomeUnknown: false },
      { status: 500, code: 20500, kind: "unavailable", outcomeUnknown: true },
      { status: 503, code: 20503, kind: "unavailable", outcomeUnknown: true },
    ] as const)("reports the PATCH's $status ($code) as $kind, sent once", async ({ status, code, kind, outcomeUnknown }) => {
      const fetch = fakeFetch(json(status, twilioError(status, code, "refused"), { "Retry-After": "4", "Twilio-Request-Id": "RQabc" }));

      const error = await rejection(adapter(fetch).updateSummary({ provider: "twilio", id: CALL_ID, templateKey: null }, "x"));

      expect(error).toMatchObject({ status, code: String(code), kind, outcomeUnknown, requestId: "RQabc", retryAfterSec: 4 });
      expect(fetch.requests).toHaveLength(1);
    });

    it("names the canonical profile on a 308 it could not follow", async () => {
      const fetch = fakeFetch(json(308, { message: "moved", uri: "/x" }, { "Canonical-Profile-Id": PROFILE_B }));

      const error = await rejection(adapter(fetch).updateSummary({ provider: "twilio", id: CALL_ID, templateKey: null }, "x"));

      expect(error).toMatchObject({ status: 308, code: "MOVED_PERMANENTLY", outcomeUnknown: false });
    });

    it("reports a save that timed out as of unknown outcome", async () => {
      const error = await rejection(adapter(fakeFetch(hang()), { timeoutMs: 20 }).updateSummary({ provider: "twilio", id: CALL_ID, templateKey: null }, "x"));

      expect(error).toMatchObject({ kind: "timeout", outcomeUnknown: true });
    });
  });
});
