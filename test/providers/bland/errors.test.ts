import { describe, expect, it } from "vitest";
import { mapBlandError, noContactMemoryError } from "@/lib/providers/bland/errors";
import { envelopeError } from "./fixtures";

describe("mapBlandError: the memory and contacts envelope", () => {
  it.each([
    { status: 400, error: "BAD_REQUEST", message: "summary is required", kind: "invalid", retryable: false },
    { status: 400, error: "INVALID_REQUEST", message: "contact_id is required", kind: "invalid", retryable: false },
    { status: 400, error: "MEMORY_DELETE_ERROR", message: "Could not delete memory", kind: "invalid", retryable: false },
    { status: 400, error: "MEMORY_ADD_USER_ERROR", message: "Could not add user", kind: "invalid", retryable: false },
    { status: 401, error: "UNAUTHORIZED", message: "Invalid API key", kind: "unauthorized", retryable: false },
    { status: 404, error: "NOT_FOUND", message: "Contact memory not found", kind: "not_found", retryable: false },
    { status: 429, error: "RATE_LIMITED", message: "Too many requests", kind: "rate_limited", retryable: true },
    { status: 500, error: "INTERNAL_SERVER_ERROR", message: "Something went wrong", kind: "unavailable", retryable: true },
  ] as const)("$error ($status) → $kind", ({ status, error, message, kind, retryable }) => {
    expect(mapBlandError(status, envelopeError(error, message), new Headers())).toMatchObject({
      provider: "bland",
      status,
      code: error,
      kind,
      message,
      retryable,
      requestId: null,
      retryAfterSec: null,
      outcomeUnknown: false,
    });
  });

  it.each([
    { error: "BAD_REQUEST", kind: "invalid" },
    { error: "UNAUTHORIZED", kind: "unauthorized" },
    { error: "FORBIDDEN", kind: "forbidden" },
    { error: "MEMORY_NOT_FOUND", kind: "not_found" },
    { error: "RATE_LIMITED", kind: "rate_limited" },
    { error: "INTERNAL_SERVER_ERROR", kind: "unavailable" },
    { error: "SOMETHING_NEW", kind: "invalid" },
  ] as const)("reads the kind from the code when the status does not say ($error in a 200)", ({ error, kind }) => {
    expect(mapBlandError(200, envelopeError(error, "m"), new Headers())).toMatchObject({ status: 200, code: error, kind });
  });

  it("keeps a rate limit's Retry-After", () => {
    expect(mapBlandError(429, envelopeError("RATE_LIMITED", "slow"), new Headers({ "Retry-After": "5" })).retryAfterSec).toBe(5);
  });
});

describe("mapBlandError: the call endpoints' bare answers", () => {
  it.each([
    { status: 404, body: { status: "error", message: "Call not found" }, kind: "not_found", message: "Call not found" },
    { status: 400, body: { errors: ["call_id is invalid"] }, kind: "invalid", message: "call_id is invalid" },
    { status: 403, body: { error: "Forbidden" }, kind: "forbidden", message: "Forbidden" },
    { status: 401, body: "Unauthorized", kind: "unauthorized", message: "Bland did not accept the API key. (HTTP 401)" },
    { status: 503, body: null, kind: "unavailable", message: "Bland is unavailable right now. (HTTP 503)" },
    { status: 429, body: null, kind: "rate_limited", message: "Too many requests to Bland. Try again shortly. (HTTP 429)" },
  ] as const)("HTTP $status → HTTP_$status, $kind", ({ status, body, kind, message }) => {
    expect(mapBlandError(status, body, new Headers())).toMatchObject({ status, code: `HTTP_${status}`, kind, message });
  });
});

describe("noContactMemoryError", () => {
  it("says there is no memory to save to, as a not-found that retrying will not fix", () => {
    expect(noContactMemoryError()).toMatchObject({ provider: "bland", kind: "not_found", code: "NO_CONTACT_MEMORY", status: null, retryable: false });
  });
});
