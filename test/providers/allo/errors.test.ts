import { describe, expect, it } from "vitest";
import { mapAlloError } from "@/lib/providers/allo/errors";
import type { ProviderErrorKind } from "@/lib/providers/provider-error";

type Case = { code: string; status: number; type: string; kind: ProviderErrorKind; retryable: boolean };

/** Every code Allo documents for the endpoints Redline calls (CONTRACTS §1.5), plus the secondary ones. */
const documented: Case[] = [
  { code: "API_KEY_INVALID", status: 401, type: "authentication_error", kind: "unauthorized", retryable: false },
  { code: "API_KEY_REVOKED", status: 401, type: "authentication_error", kind: "unauthorized", retryable: false },
  { code: "UNAUTHORIZED", status: 401, type: "authentication_error", kind: "unauthorized", retryable: false },
  { code: "API_KEY_INSUFFICIENT_SCOPE", status: 403, type: "permission_error", kind: "forbidden", retryable: false },
  { code: "API_KEY_TRIAL_NOT_ALLOWED", status: 403, type: "permission_error", kind: "forbidden", retryable: false },
  { code: "FORBIDDEN", status: 403, type: "permission_error", kind: "forbidden", retryable: false },
  { code: "INVALID_REQUEST_BODY", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "MISSING_PARAMETER", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "MISSING_HEADER", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "INVALID_PAGE_SIZE", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "INVALID_SEARCH_QUERY", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "INVALID_ITEM_ID", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "UNSUPPORTED_EXTEND_VALUE", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "BATCH_TOO_LARGE", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "SUMMARY_TEMPLATE_KEY_REQUIRED", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "MISSING_ALLO_NUMBER", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "INVALID_DATE_RANGE", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "DATE_RANGE_TOO_WIDE", status: 400, type: "validation_error", kind: "invalid", retryable: false },
  { code: "UNSUPPORTED_MEDIA_TYPE", status: 415, type: "validation_error", kind: "invalid", retryable: false },
  { code: "METHOD_NOT_ALLOWED", status: 405, type: "validation_error", kind: "invalid", retryable: false },
  { code: "CONVERSATION_ITEM_NOT_FOUND", status: 404, type: "not_found_error", kind: "not_found", retryable: false },
  { code: "SUMMARY_TEMPLATE_NOT_FOUND", status: 404, type: "not_found_error", kind: "not_found", retryable: false },
  { code: "CALL_NOT_FOUND", status: 404, type: "not_found_error", kind: "not_found", retryable: false },
  { code: "ENDPOINT_NOT_FOUND", status: 404, type: "not_found_error", kind: "not_found", retryable: false },
  { code: "TAG_ALREADY_EXISTS", status: 409, type: "conflict_error", kind: "invalid", retryable: false },
  { code: "OTHER_TRANSACTION_IN_PROGRESS", status: 409, type: "conflict_error", kind: "invalid", retryable: true },
  { code: "IDEMPOTENCY_KEY_REUSE", status: 409, type: "conflict_error", kind: "invalid", retryable: false },
  { code: "RATE_LIMIT_EXCEEDED", status: 429, type: "rate_limit_error", kind: "rate_limited", retryable: true },
  { code: "INTERNAL_SERVER_ERROR", status: 500, type: "server_error", kind: "unavailable", retryable: true },
];

function envelope(c: Case, extra: Record<string, unknown> = {}) {
  return {
    error: {
      type: c.type,
      code: c.code,
      message: `Allo says ${c.code}`,
      retryable: c.retryable,
      request_id: "req_a1b2c3d4e5f6",
      doc_url: `https://help.withallo.com/en/v2/api-reference/guides/error-handling#${c.code}`,
      ...extra,
    },
  };
}

describe("mapAlloError: documented codes", () => {
  it.each(documented)("$code ($status) → $kind", (c) => {
    const error = mapAlloError(c.status, envelope(c), new Headers());

    expect(error).toMatchObject({
      provider: "allo",
      status: c.status,
      code: c.code,
      kind: c.kind,
      message: `Allo says ${c.code}`,
      retryable: c.retryable,
      requestId: "req_a1b2c3d4e5f6",
      retryAfterSec: null,
      outcomeUnknown: false,
    });
  });

  it("carries the rate limit's retry_after_seconds", () => {
    const c = documented.find((d) => d.code === "RATE_LIMIT_EXCEEDED")!;

    const error = mapAlloError(429, envelope(c, { retry_after_seconds: 1 }), new Headers({ "Retry-After": "7" }));

    expect(error).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterSec: 1 });
  });

  it("falls back to the Retry-After header when the body gives no wait", () => {
    const c = documented.find((d) => d.code === "RATE_LIMIT_EXCEEDED")!;

    const error = mapAlloError(429, envelope(c, { retry_after_seconds: null }), new Headers({ "Retry-After": "2" }));

    expect(error.retryAfterSec).toBe(2);
  });

  it("treats a rate limit as retryable even if the body says otherwise", () => {
    const error = mapAlloError(429, { error: { code: "RATE_LIMIT_EXCEEDED", retryable: false } }, new Headers());

    expect(error.retryable).toBe(true);
  });

  it("takes the request id from the X-Request-Id header when the body has none", () => {
    const error = mapAlloError(404, { error: { type: "not_found_error", code: "CONVERSATION_ITEM_NOT_FOUND", message: "gone" } }, new Headers({ "X-Request-Id": "req_ourown123456" }));

    expect(error).toMatchObject({ kind: "not_found", code: "CONVERSATION_ITEM_NOT_FOUND", requestId: "req_ourown123456" });
  });

  it("reads the envelope's type when the status alone does not say", () => {
    const error = mapAlloError(418, { error: { type: "permission_error", code: "SOMETHING_NEW", message: "no" } }, new Headers());

    expect(error).toMatchObject({ kind: "forbidden", code: "SOMETHING_NEW", status: 418 });
  });
});

describe("mapAlloError: bodies that are not Allo's envelope", () => {
  it.each([
    { status: 502, body: "<html>Bad Gateway</html>", kind: "unavailable", retryable: true },
    { status: 503, body: null, kind: "unavailable", retryable: true },
    { status: 504, body: { message: "upstream timed out" }, kind: "unavailable", retryable: true },
    { status: 401, body: { code: "API_KEY_INVALID", details: null }, kind: "unauthorized", retryable: false },
    { status: 404, body: "", kind: "not_found", retryable: false },
    { status: 400, body: [1, 2], kind: "invalid", retryable: false },
    { status: 429, body: null, kind: "rate_limited", retryable: true },
  ] as const)("HTTP $status with $body → HTTP_$status, $kind", ({ status, body, kind, retryable }) => {
    const error = mapAlloError(status, body, new Headers({ "X-Request-Id": "req_header000001" }));

    expect(error).toMatchObject({ status, code: `HTTP_${status}`, kind, retryable, requestId: "req_header000001" });
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).not.toContain("<html>");
  });

  it("keeps a non-envelope rate limit's Retry-After", () => {
    const error = mapAlloError(429, "Too Many Requests", new Headers({ "Retry-After": "3" }));

    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSec: 3, requestId: null });
  });
});
