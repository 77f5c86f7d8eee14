import { afterEach, describe, expect, it, vi } from "vitest";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import { ProviderError } from "@/lib/providers/provider-error";
import { alloError, fakeFetch, hang, json, type FakeFetch } from "../fake-fetch";
import { callItem, callSummary, searchPage, transcript } from "./fixtures";

const BASE_URL = "https://allo.example.test";

function adapter(fetch: FakeFetch, timeoutMs = 1_000) {
  return createAlloAdapter({ apiKey: "ak_live_secret", baseUrl: BASE_URL, timeoutMs, fetch });
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

afterEach(() => {
  vi.useRealTimers();
});

describe("Allo adapter", () => {
  it("declares what Allo can do", () => {
    const allo = adapter(fakeFetch());

    expect(allo.id).toBe("allo");
    expect(allo.capabilities).toEqual({
      write: "sync",
      format: "markdown",
      maxLength: 100_000,
      templates: [
        { key: "MARKDOWN_CLASSIC", label: "Classic — the full structured summary" },
        { key: "MARKDOWN_SHORT_CALL", label: "Short call — one paragraph" },
      ],
      versionWitness: "version",
    });
  });

  describe("listCalls", () => {
    it("searches calls newest first and maps the page", async () => {
      const fetch = fakeFetch(json(200, searchPage([callItem()], { page: 2, size: 50, total_count: 51, has_more: false })));

      const page = await adapter(fetch).listCalls({ page: 2, size: 50 });

      const [sent] = fetch.requests;
      expect(sent?.method).toBe("POST");
      expect(sent?.url).toBe(`${BASE_URL}/v2/api/conversations/items/search`);
      expect(sent?.body).toEqual({ type: "CALL", sort: "DATE_DESC", page: 2, size: 50 });
      expect(sent?.headers.get("authorization")).toBe("Api-Key ak_live_secret");
      expect(sent?.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]{12}$/);
      expect(page).toMatchObject({ page: 2, size: 50, totalCount: 51, hasMore: false });
      expect(page.items[0]?.ref).toEqual({ provider: "allo", callId: "cll-abc123" });
    });

    it("refuses a page size over 100 without calling Allo", async () => {
      const fetch = fakeFetch();

      const error = await rejection(adapter(fetch).listCalls({ page: 1, size: 101 }));

      expect(error).toMatchObject({ kind: "invalid", code: "INVALID_PAGE_SIZE" });
      expect(fetch.requests).toHaveLength(0);
    });

    it("retries a rate-limited search, since it only reads", async () => {
      vi.useFakeTimers();
      const fetch = fakeFetch(
        alloError(429, { type: "rate_limit_error", code: "RATE_LIMIT_EXCEEDED", retryable: true, retry_after_seconds: 1 }, { "Retry-After": "1" }),
        json(200, searchPage([callItem()])),
      );

      const pending = adapter(fetch).listCalls({ page: 1, size: 20 });
      await vi.advanceTimersByTimeAsync(1_000);

      await expect(pending).resolves.toMatchObject({ totalCount: 1 });
      expect(fetch.requests).toHaveLength(2);
    });
  });

  describe("getCall", () => {
    it("fetches the item with its transcript and maps it", async () => {
      const fetch = fakeFetch(json(200, { data: callItem({ transcript }) }));

      const call = await adapter(fetch).getCall("cll-abc123");

      expect(fetch.requests[0]?.method).toBe("GET");
      expect(fetch.requests[0]?.url).toBe(`${BASE_URL}/v2/api/conversations/items/cll-abc123?extend=transcript`);
      expect(call.transcript.map((turn) => turn.speaker)).toEqual(["agent", "customer"]);
      expect(call.summary.content).toBe("# Summary\n\nCustomer asked about pricing.");
    });

    it("keeps an odd id inside its path segment", async () => {
      const fetch = fakeFetch(json(200, { data: callItem() }));

      await adapter(fetch).getCall("cll-a/../b?x=1");

      expect(fetch.requests[0]?.url).toBe(`${BASE_URL}/v2/api/conversations/items/cll-a%2F..%2Fb%3Fx%3D1?extend=transcript`);
    });

    it("refuses an id Allo would refuse, without calling it", async () => {
      const fetch = fakeFetch();

      const error = await rejection(adapter(fetch).getCall("cnt-abc123"));

      expect(error).toMatchObject({ kind: "invalid", code: "INVALID_ITEM_ID" });
      expect(fetch.requests).toHaveLength(0);
    });

    it("reports a missing call with Allo's code and request id", async () => {
      const fetch = fakeFetch(
        alloError(404, { type: "not_found_error", code: "CONVERSATION_ITEM_NOT_FOUND", message: "No call or message found with ID 'cll-nope'." }),
      );

      const error = await rejection(adapter(fetch).getCall("cll-nope"));

      expect(error).toMatchObject({
        kind: "not_found",
        status: 404,
        code: "CONVERSATION_ITEM_NOT_FOUND",
        requestId: "req_ABCdef123456",
        message: "No call or message found with ID 'cll-nope'.",
      });
    });

    it("reports a transcript speaker Allo does not document as a broken contract", async () => {
      const fetch = fakeFetch(json(200, { data: callItem({ transcript: [{ source: "AGENT", time: "2023-11-07T05:31:56Z", text: "hi" }] }) }));

      const error = await rejection(adapter(fetch).getCall("cll-abc123"));

      expect(error).toMatchObject({ kind: "contract", code: "INVALID_RESPONSE" });
      expect(error.message).toContain("data.transcript[0].source");
    });
  });

  describe("updateSummary", () => {
    it("replaces the summary and reports the new version, time in UTC and author", async () => {
      const fetch = fakeFetch(json(200, { data: callSummary }));

      const outcome = await adapter(fetch).updateSummary({ provider: "allo", id: "cll-abc123", templateKey: null }, callSummary.content);

      const [sent] = fetch.requests;
      expect(sent?.method).toBe("PATCH");
      expect(sent?.url).toBe(`${BASE_URL}/v2/api/conversations/items/cll-abc123/summary`);
      expect(sent?.body).toEqual({ content: callSummary.content });
      expect(outcome).toEqual({
        status: "applied",
        content: callSummary.content,
        version: 4,
        updatedAt: "2026-05-12T14:32:11.000Z",
        updatedBy: { id: "usr-abc123", name: "Alex Kim" },
      });
    });

    it("names the template when one is given", async () => {
      const fetch = fakeFetch(json(200, { data: callSummary }));

      await adapter(fetch).updateSummary({ provider: "allo", id: "cll-abc123", templateKey: "MARKDOWN_SHORT_CALL" }, "short");

      expect(fetch.requests[0]?.body).toEqual({ content: "short", template_key: "MARKDOWN_SHORT_CALL" });
    });

    it("sends exactly 100,000 characters", async () => {
      const fetch = fakeFetch(json(200, { data: callSummary }));

      await adapter(fetch).updateSummary({ provider: "allo", id: "cll-abc123", templateKey: null }, "a".repeat(100_000));

      expect(fetch.requests).toHaveLength(1);
    });

    it.each([
      { name: "100,001 characters", callId: "cll-abc123", templateKey: null, content: "a".repeat(100_001), code: "INVALID_REQUEST_BODY" },
      { name: "a message id", callId: "msg-def456", templateKey: null, content: "x", code: "INVALID_ITEM_ID" },
      { name: "an unknown prefix", callId: "call_abc123", templateKey: null, content: "x", code: "INVALID_ITEM_ID" },
      { name: "an unknown template", callId: "cll-abc123", templateKey: "HTML_FANCY", content: "x", code: "INVALID_REQUEST_BODY" },
    ])("refuses $name without calling Allo", async ({ callId, templateKey, content, code }) => {
      const fetch = fakeFetch();

      const error = await rejection(adapter(fetch).updateSummary({ provider: "allo", id: callId, templateKey: templateKey }, content));

      expect(error).toMatchObject({ kind: "invalid", code });
      expect(fetch.requests).toHaveLength(0);
    });

    it("does not retry a rate-limited save and says when to try again", async () => {
      const fetch = fakeFetch(
        alloError(429, { type: "rate_limit_error", code: "RATE_LIMIT_EXCEEDED", retryable: true, retry_after_seconds: 1 }, { "Retry-After": "1" }),
      );

      const error = await rejection(adapter(fetch).updateSummary({ provider: "allo", id: "cll-abc123", templateKey: null }, "x"));

      expect(error).toMatchObject({ kind: "rate_limited", code: "RATE_LIMIT_EXCEEDED", retryable: true, retryAfterSec: 1, outcomeUnknown: false });
      expect(fetch.requests).toHaveLength(1);
    });

    it("reports a save that timed out as of unknown outcome, sent once", async () => {
      const fetch = fakeFetch(hang());

      const error = await rejection(adapter(fetch, 20).updateSummary({ provider: "allo", id: "cll-abc123", templateKey: null }, "x"));

      expect(error).toMatchObject({ kind: "timeout", code: "TIMEOUT", outcomeUnknown: true });
      expect(error.requestId).toBe(fetch.requests[0]?.headers.get("x-request-id"));
      expect(fetch.requests).toHaveLength(1);
    });

    it("passes on Allo's refusal when several templates need a key", async () => {
      const fetch = fakeFetch(alloError(400, { type: "validation_error", code: "SUMMARY_TEMPLATE_KEY_REQUIRED" }));

      const error = await rejection(adapter(fetch).updateSummary({ provider: "allo", id: "cll-abc123", templateKey: null }, "x"));

      expect(error).toMatchObject({ kind: "invalid", code: "SUMMARY_TEMPLATE_KEY_REQUIRED", status: 400 });
    });
  });
});
