import { describe, expect, it } from "vitest";
import type { ProviderErrorKind } from "@/lib/providers/provider-error";
import { mapTwilioError } from "@/lib/providers/twilio/errors";
import { twilioError } from "./fixtures";

type Case = { status: number; code: number; message: string; kind: ProviderErrorKind; retryable: boolean };

/** Every TwilioError the Memory API documents (CONTRACTS §4.6). */
const documented: Case[] = [
  { status: 400, code: 400, message: "Failed to complete request due to a bad request", kind: "invalid", retryable: false },
  { status: 401, code: 20003, message: "Failed to complete request due to lack of authentication credentials", kind: "unauthorized", retryable: false },
  { status: 403, code: 403, message: "Permission to access resource denied", kind: "forbidden", retryable: false },
  { status: 404, code: 20404, message: "Not Found", kind: "not_found", retryable: false },
  { status: 409, code: 20409, message: "Conflict", kind: "invalid", retryable: false },
  { status: 412, code: 20412, message: "Precondition Failed", kind: "invalid", retryable: false },
  { status: 429, code: 20429, message: "Too many requests. Please retry according to the Retry-After response header.", kind: "rate_limited", retryable: true },
  { status: 500, code: 20500, message: "Internal Server Error", kind: "unavailable", retryable: true },
  { status: 503, code: 20503, message: "Service Unavailable", kind: "unavailable", retryable: true },
];

describe("mapTwilioError: documented errors", () => {
  it.each(documented)("$status ($code) → $kind", (c) => {
    const error = mapTwilioError(c.status, twilioError(c.status, c.code, c.message), new Headers({ "Twilio-Request-Id": "RQ42" }));

    expect(error).toMatchObject({
      provider: "twilio",
      status: c.status,
      code: String(c.code),
      kind: c.kind,
      message: c.message,
      retryable: c.retryable,
      requestId: "RQ42",
      retryAfterSec: null,
      outcomeUnknown: false,
    });
  });

  it("carries a rate limit's Retry-After in seconds", () => {
    const error = mapTwilioError(429, twilioError(429, 20429, "Too many requests."), new Headers({ "Retry-After": "7" }));

    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSec: 7, requestId: null });
  });

  it("reads the kind from Twilio's code when the status alone does not say", () => {
    expect(mapTwilioError(418, twilioError(418, 20404, "Not Found"), new Headers())).toMatchObject({ kind: "not_found", code: "20404" });
  });
});

describe("mapTwilioError: a merged profile", () => {
  it.each([301, 308])("%i names the canonical profile to configure", (status) => {
    const error = mapTwilioError(status, { message: "Moved", uri: "/v1/Stores/x/Profiles/y" }, new Headers({ "Canonical-Profile-Id": "mem_profile_0new" }));

    expect(error).toMatchObject({ status, code: "MOVED_PERMANENTLY", kind: "not_found", retryable: false });
    expect(error.message).toContain("mem_profile_0new");
  });

  it("still says the profile moved when Twilio names no canonical profile", () => {
    expect(mapTwilioError(301, null, new Headers()).message).toContain("moved this profile");
  });
});

describe("mapTwilioError: bodies that are not a TwilioError", () => {
  it.each([
    { status: 502, body: "<html>Bad Gateway</html>", kind: "unavailable" },
    { status: 404, body: null, kind: "not_found" },
    { status: 401, body: { message: "no code" }, kind: "unauthorized" },
  ] as const)("HTTP $status → HTTP_$status, $kind", ({ status, body, kind }) => {
    const error = mapTwilioError(status, body, new Headers());

    expect(error).toMatchObject({ status, code: `HTTP_${status}`, kind });
    expect(error.message).not.toContain("<html>");
  });
});
