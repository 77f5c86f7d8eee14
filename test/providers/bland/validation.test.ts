import { describe, expect, it } from "vitest";
import { BLAND_MAX_SUMMARY_LENGTH, assertCallId, assertListQuery, assertSummaryContent } from "@/lib/providers/bland/validation";
import { ProviderError } from "@/lib/providers/provider-error";

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
  it("accepts 1 to 10,000 characters", () => {
    expect(() => assertSummaryContent("a")).not.toThrow();
    expect(() => assertSummaryContent("a".repeat(BLAND_MAX_SUMMARY_LENGTH))).not.toThrow();
  });

  it("refuses an empty summary as Bland does", () => {
    expect(thrown(() => assertSummaryContent(""))).toMatchObject({ provider: "bland", kind: "invalid", code: "BAD_REQUEST", status: null });
  });

  it("refuses 10,001 characters, naming the length", () => {
    const error = thrown(() => assertSummaryContent("a".repeat(10_001)));

    expect(error).toMatchObject({ kind: "invalid", code: "SUMMARY_TOO_LONG" });
    expect(error.message).toContain("10,001");
  });
});

describe("call ids", () => {
  it("accepts a UUID", () => {
    expect(() => assertCallId("d9cce3f3-23cf-4fa7-b62c-8be8119b8715")).not.toThrow();
  });

  it.each(["", "a/b", "a b", "x".repeat(129)])("refuses %j", (id) => {
    expect(thrown(() => assertCallId(id))).toMatchObject({ code: "INVALID_CALL_ID" });
  });
});

describe("list queries", () => {
  it("refuses page 0 and sizes outside 1..1,000", () => {
    expect(thrown(() => assertListQuery({ page: 0, size: 10 }))).toMatchObject({ code: "INVALID_PAGE" });
    expect(thrown(() => assertListQuery({ page: 1, size: 0 }))).toMatchObject({ code: "INVALID_PAGE_SIZE" });
    expect(() => assertListQuery({ page: 1, size: 1_000 })).not.toThrow();
  });
});
