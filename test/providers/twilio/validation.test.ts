import { describe, expect, it } from "vitest";
import { ProviderError } from "@/lib/providers/provider-error";
import { profileIdSchema, storeIdSchema, summaryIdSchema } from "@/lib/providers/twilio/schemas";
import {
  TWILIO_MAX_SUMMARY_LENGTH,
  assertListQuery,
  assertSummaryContent,
  formatCallId,
  parseCallId,
} from "@/lib/providers/twilio/validation";
import { PROFILE_A, SUMMARY_1 } from "./fixtures";

function thrown(fn: () => unknown): ProviderError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error("expected a ProviderError");
}

describe("summary content", () => {
  it("accepts 1 and exactly 4,096 characters", () => {
    expect(() => assertSummaryContent("a")).not.toThrow();
    expect(() => assertSummaryContent("a".repeat(TWILIO_MAX_SUMMARY_LENGTH))).not.toThrow();
  });

  it("refuses 4,097 characters, naming the length and the limit", () => {
    const error = thrown(() => assertSummaryContent("a".repeat(4_097)));

    expect(error).toMatchObject({ provider: "twilio", kind: "invalid", code: "SUMMARY_TOO_LONG", status: null, retryable: false });
    expect(error.message).toContain("4,097");
    expect(error.message).toContain("4,096");
  });

  it("refuses an empty summary", () => {
    expect(thrown(() => assertSummaryContent(""))).toMatchObject({ kind: "invalid", code: "SUMMARY_EMPTY" });
  });

  it("counts UTF-16 units, as the browser's text field does", () => {
    expect(() => assertSummaryContent("😀".repeat(2_048))).not.toThrow();
    expect(() => assertSummaryContent(`${"😀".repeat(2_048)}a`)).toThrow(ProviderError);
  });
});

describe("TTID patterns", () => {
  const body = "0123456789abcdefghijklmnop";

  it.each([
    { schema: storeIdSchema, ok: [`mem_store_${body}`, `mem_service_7${body.slice(1)}`], bad: [`mem_store_8${body.slice(1)}`, `mem_store_${body}x`, `mem_stor_${body}`, `mem_store_${body.toUpperCase()}`] },
    { schema: profileIdSchema, ok: [`mem_profile_${body}`], bad: [`mem_profile_${body.slice(1)}`, `mem_summary_${body}`, `mem_profile_${body.slice(0, -1)}-`] },
    { schema: summaryIdSchema, ok: [`mem_summary_${body}`], bad: [`mem_summary_9${body.slice(1)}`, `mem_profile_${body}`, ""] },
  ])("accepts and refuses as Twilio's pattern does", ({ schema, ok, bad }) => {
    for (const id of ok) expect(schema.safeParse(id).success).toBe(true);
    for (const id of bad) expect(schema.safeParse(id).success).toBe(false);
  });
});

describe("Redline's id for a summary", () => {
  it("joins profile and summary with ~, which URLs leave as is", () => {
    const callId = formatCallId(PROFILE_A, SUMMARY_1);

    expect(callId).toBe(`${PROFILE_A}~${SUMMARY_1}`);
    expect(encodeURIComponent(callId)).toBe(callId);
    expect(parseCallId(callId)).toEqual({ profileId: PROFILE_A, summaryId: SUMMARY_1 });
  });

  it.each([`${SUMMARY_1}~${PROFILE_A}`, `${PROFILE_A}:${SUMMARY_1}`, `${PROFILE_A}~`, `~${SUMMARY_1}`, `${PROFILE_A}~${SUMMARY_1}~`])("refuses %j", (callId) => {
    expect(thrown(() => parseCallId(callId))).toMatchObject({ kind: "invalid", code: "INVALID_CALL_ID" });
  });
});

describe("list queries", () => {
  it("refuses page 0 and sizes outside 1..100", () => {
    expect(thrown(() => assertListQuery({ page: 0, size: 10 }))).toMatchObject({ code: "INVALID_PAGE" });
    expect(thrown(() => assertListQuery({ page: 1, size: 101 }))).toMatchObject({ code: "INVALID_PAGE_SIZE" });
    expect(() => assertListQuery({ page: 3, size: 100 })).not.toThrow();
  });
});
