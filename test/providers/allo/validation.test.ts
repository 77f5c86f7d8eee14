import { describe, expect, it } from "vitest";
import {
  ALLO_MAX_SUMMARY_LENGTH,
  assertListQuery,
  assertReadableItemId,
  assertSummaryCallId,
  assertSummaryContent,
  parseTemplateKey,
} from "@/lib/providers/allo/validation";
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

describe("summary content length", () => {
  it("accepts exactly 100,000 characters", () => {
    expect(() => assertSummaryContent("a".repeat(ALLO_MAX_SUMMARY_LENGTH))).not.toThrow();
  });

  it("refuses 100,001 characters with Allo's own code", () => {
    const error = thrown(() => assertSummaryContent("a".repeat(100_001)));

    expect(error).toMatchObject({ provider: "allo", kind: "invalid", code: "INVALID_REQUEST_BODY", status: null, retryable: false });
    expect(error.message).toContain("100,001");
  });

  it("counts UTF-16 code units, as the browser's text field does", () => {
    // 50,000 emoji are 50,000 code points but 100,000 UTF-16 units: at the limit, and one more is over.
    expect(() => assertSummaryContent("😀".repeat(50_000))).not.toThrow();
    expect(() => assertSummaryContent(`${"😀".repeat(50_000)}a`)).toThrow(ProviderError);
  });

  it("accepts an empty summary", () => {
    expect(() => assertSummaryContent("")).not.toThrow();
  });
});

describe("item IDs", () => {
  it("reads calls and messages", () => {
    expect(() => assertReadableItemId("cll-abc123")).not.toThrow();
    expect(() => assertReadableItemId("msg-def456")).not.toThrow();
  });

  it.each(["cnt-abc123", "cll_abc123", "call_abc123", "abc", "", "cll-", "CLL-abc"])("refuses to read %j", (id) => {
    expect(thrown(() => assertReadableItemId(id))).toMatchObject({ kind: "invalid", code: "INVALID_ITEM_ID" });
  });

  it("writes summaries only on calls", () => {
    expect(() => assertSummaryCallId("cll-abc123")).not.toThrow();
    expect(thrown(() => assertSummaryCallId("msg-def456"))).toMatchObject({ kind: "invalid", code: "INVALID_ITEM_ID" });
    expect(thrown(() => assertSummaryCallId("usr-abc123"))).toMatchObject({ code: "INVALID_ITEM_ID" });
  });
});

describe("template keys", () => {
  it("accepts Allo's two templates and no template", () => {
    expect(parseTemplateKey("MARKDOWN_CLASSIC")).toBe("MARKDOWN_CLASSIC");
    expect(parseTemplateKey("MARKDOWN_SHORT_CALL")).toBe("MARKDOWN_SHORT_CALL");
    expect(parseTemplateKey(null)).toBeNull();
  });

  it("refuses any other key", () => {
    expect(thrown(() => parseTemplateKey("markdown_classic"))).toMatchObject({ kind: "invalid", code: "INVALID_REQUEST_BODY" });
  });
});

describe("list queries", () => {
  it("accepts pages of 1 to 100 items", () => {
    expect(() => assertListQuery({ page: 1, size: 1 })).not.toThrow();
    expect(() => assertListQuery({ page: 7, size: 100 })).not.toThrow();
  });

  it("refuses a page size Allo refuses", () => {
    expect(thrown(() => assertListQuery({ page: 1, size: 101 }))).toMatchObject({ code: "INVALID_PAGE_SIZE" });
    expect(thrown(() => assertListQuery({ page: 1, size: 0 }))).toMatchObject({ code: "INVALID_PAGE_SIZE" });
  });

  it("refuses page 0: Allo's v2 pages count from 1", () => {
    expect(thrown(() => assertListQuery({ page: 0, size: 20 }))).toMatchObject({ kind: "invalid", code: "INVALID_PAGE_SIZE" });
  });
});
