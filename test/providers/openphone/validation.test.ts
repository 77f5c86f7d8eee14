import { describe, expect, it } from "vitest";
import { assertCallId, assertListQuery } from "@/lib/providers/openphone/validation";
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

describe("Quo call ids", () => {
  it("accepts AC ids", () => {
    expect(() => assertCallId("AC3700e624eca547eb9f749a06f")).not.toThrow();
  });

  it.each(["", "AC", "ac123", "PN123", "AC12/../x", "cll-abc"])("refuses %j", (id) => {
    expect(thrown(() => assertCallId(id))).toMatchObject({ provider: "openphone", kind: "invalid", code: "INVALID_CALL_ID", status: null });
  });
});

describe("list queries", () => {
  it("accepts pages of 1 to 100 calls", () => {
    expect(() => assertListQuery({ page: 1, size: 1 })).not.toThrow();
    expect(() => assertListQuery({ page: 40, size: 100 })).not.toThrow();
  });

  it("refuses what no page can hold", () => {
    expect(thrown(() => assertListQuery({ page: 1, size: 0 }))).toMatchObject({ code: "INVALID_PAGE_SIZE" });
    expect(thrown(() => assertListQuery({ page: 0, size: 10 }))).toMatchObject({ code: "INVALID_PAGE" });
  });
});
