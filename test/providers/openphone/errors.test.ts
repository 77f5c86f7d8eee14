import { describe, expect, it } from "vitest";
import { mapOpenPhoneError, readOnlyError } from "@/lib/providers/openphone/errors";
import type { ProviderErrorKind } from "@/lib/providers/provider-error";
import { quoErrorBody } from "./fixtures";

type Case = { operation: string; status: number; code: string; title: string; kind: ProviderErrorKind; retryable: boolean };

/** Every error Quo documents for the endpoints Redline calls (CONTRACTS §2.5): one constant code per operation and status. */
const documented: Case[] = [
  { operation: "calls", status: 400, code: "0101400", title: "Too Many Participants", kind: "invalid", retryable: false },
  { operation: "calls", status: 401, code: "0100401", title: "Unauthorized", kind: "unauthorized", retryable: false },
  { operation: "calls", status: 403, code: "0101403", title: "Not Phone Number User", kind: "forbidden", retryable: false },
  { operation: "calls", status: 404, code: "0100404", title: "Not Found", kind: "not_found", retryable: false },
  { operation: "calls", status: 500, code: "0101500", title: "Unknown", kind: "unavailable", retryable: true },
  { operation: "call-summaries", status: 400, code: "0500400", title: "Bad Request", kind: "invalid", retryable: false },
  { operation: "call-summaries", status: 401, code: "0500401", title: "Unauthorized", kind: "unauthorized", retryable: false },
  { operation: "call-summaries", status: 403, code: "0500403", title: "Forbidden", kind: "forbidden", retryable: false },
  { operation: "call-summaries", status: 404, code: "0500404", title: "Not Found", kind: "not_found", retryable: false },
  { operation: "call-summaries", status: 500, code: "0501500", title: "Unknown", kind: "unavailable", retryable: true },
  { operation: "call-transcripts", status: 400, code: "0600400", title: "Bad Request", kind: "invalid", retryable: false },
  { operation: "call-transcripts", status: 401, code: "0600401", title: "Unauthorized", kind: "unauthorized", retryable: false },
  { operation: "call-transcripts", status: 403, code: "0600403", title: "Forbidden", kind: "forbidden", retryable: false },
  { operation: "call-transcripts", status: 404, code: "0600404", title: "Not Found", kind: "not_found", retryable: false },
  { operation: "call-transcripts", status: 500, code: "0601500", title: "Unknown", kind: "unavailable", retryable: true },
];

describe("mapOpenPhoneError: documented codes", () => {
  it.each(documented)("$operation $status ($code) → $kind", (c) => {
    const error = mapOpenPhoneError(c.status, quoErrorBody(c.status, c.code, c.title), new Headers());

    expect(error).toMatchObject({
      provider: "openphone",
      status: c.status,
      code: c.code,
      kind: c.kind,
      message: `Quo says ${c.title}`,
      retryable: c.retryable,
      requestId: "trace-7f3a9c",
      retryAfterSec: null,
      outcomeUnknown: false,
    });
  });

  it("names the first field a validation error points at", () => {
    const body = quoErrorBody(400, "0101400", "Too Many Participants", {
      message: "Too Many Participants",
      errors: [{ path: "/participants", message: "must NOT have more than 1 items", value: ["+1", "+2"], schema: { type: "array" } }],
    });

    const error = mapOpenPhoneError(400, body, new Headers());

    expect(error.message).toBe("Too Many Participants (/participants: must NOT have more than 1 items)");
    expect(error.message).not.toContain("+1");
  });

  it("falls back to the title when the message is empty, and leaves the request id unknown without a trace", () => {
    const error = mapOpenPhoneError(404, { code: "0100404", status: 404, docs: "https://openphone.com/docs", title: "Not Found", message: "" }, new Headers());

    expect(error).toMatchObject({ message: "Not Found", requestId: null });
  });

  it("reads a rate limit as retryable and keeps a Retry-After should Quo send one", () => {
    const error = mapOpenPhoneError(429, quoErrorBody(429, "0100429", "Too Many Requests"), new Headers({ "Retry-After": "2" }));

    expect(error).toMatchObject({ kind: "rate_limited", code: "0100429", retryable: true, retryAfterSec: 2 });
  });

  it("treats a 409 as a refused request, never as someone else's edit", () => {
    expect(mapOpenPhoneError(409, quoErrorBody(409, "0100409", "Conflict"), new Headers()).kind).toBe("invalid");
  });
});

describe("mapOpenPhoneError: bodies that are not Quo's", () => {
  it.each([
    { status: 502, body: "<html>Bad Gateway</html>", kind: "unavailable", retryable: true },
    { status: 503, body: null, kind: "unavailable", retryable: true },
    { status: 429, body: null, kind: "rate_limited", retryable: true },
    { status: 401, body: { error: "nope" }, kind: "unauthorized", retryable: false },
    { status: 418, body: "", kind: "invalid", retryable: false },
  ] as const)("HTTP $status → HTTP_$status, $kind", ({ status, body, kind, retryable }) => {
    const error = mapOpenPhoneError(status, body, new Headers());

    expect(error).toMatchObject({ status, code: `HTTP_${status}`, kind, retryable, requestId: null });
    expect(error.message).toContain(`HTTP ${status}`);
  });
});

describe("readOnlyError", () => {
  it("says plainly that Quo cannot be written to and Redline keeps the correction", () => {
    expect(readOnlyError()).toMatchObject({ provider: "openphone", kind: "invalid", code: "READ_ONLY", status: null, retryable: false });
    expect(readOnlyError().message).toContain("Redline keeps corrections");
  });
});
