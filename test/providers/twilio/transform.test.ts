import { describe, expect, it } from "vitest";
import { summaryInfoSchema, summaryPageSchema } from "@/lib/providers/twilio/schemas";
import { newestFirst, toCallDetail, toCallPage, type ProfileSummary } from "@/lib/providers/twilio/transform";
import { PROFILE_A, summaryInfo, ttid } from "./fixtures";

const item = (fields: Record<string, unknown>): ProfileSummary => ({ profileId: PROFILE_A, summary: summaryInfoSchema.parse(summaryInfo(fields)) });

describe("newestFirst", () => {
  it("orders by when the conversation happened, then by creation, then by id", () => {
    const items = [
      item({ id: ttid("mem_summary_", "a"), occurredAt: "2025-01-01T00:00:00Z" }),
      item({ id: ttid("mem_summary_", "b"), occurredAt: "2025-01-02T00:00:00Z", createdAt: "2025-01-02T00:00:01Z" }),
      item({ id: ttid("mem_summary_", "c"), occurredAt: "2025-01-02T00:00:00Z", createdAt: "2025-01-02T00:00:05Z" }),
      item({ id: ttid("mem_summary_", "d"), occurredAt: "2025-01-02T00:00:00Z", createdAt: "2025-01-02T00:00:05Z" }),
    ];

    expect(items.sort(newestFirst).map((i) => i.summary.id.slice(13, 14))).toEqual(["d", "c", "b", "a"]);
  });

  it("compares times given in other zones as the same instants", () => {
    const earlier = item({ occurredAt: "2025-01-02T09:00:00+02:00" });
    const later = item({ occurredAt: "2025-01-02T08:00:00Z" });

    expect([earlier, later].sort(newestFirst)).toEqual([later, earlier]);
  });
});

describe("toCallPage", () => {
  const sorted = Array.from({ length: 5 }, (_, i) => item({ id: ttid("mem_summary_", `s${i}`) }));

  it("cuts the requested page and counts them all", () => {
    expect(toCallPage(sorted, 2, 2)).toMatchObject({ page: 2, size: 2, totalCount: 5, hasMore: true });
    expect(toCallPage(sorted, 3, 2)).toMatchObject({ totalCount: 5, hasMore: false });
    expect(toCallPage(sorted, 3, 2).items).toHaveLength(1);
  });
});

describe("toCallDetail", () => {
  it("has no transcript, and Twilio's updatedAt as the witness", () => {
    expect(toCallDetail(item({ updatedAt: "2025-01-16T08:00:00Z" }))).toMatchObject({
      transcript: [],
      summary: { templateKey: null, version: null, updatedAt: "2025-01-16T08:00:00.000Z", updatedBy: null },
    });
  });
});

describe("summaryPageSchema", () => {
  it("hands on the next token, and none for an empty one", () => {
    expect(summaryPageSchema.parse({ summaries: [], meta: { nextToken: "abc" } }).nextToken).toBe("abc");
    expect(summaryPageSchema.parse({ summaries: [], meta: { nextToken: "" } }).nextToken).toBeNull();
  });

  it("names the path of a broken summary under the key meta gives", () => {
    const parsed = summaryPageSchema.safeParse({ items: [{ id: "x" }], meta: { key: "items" } });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.slice(0, 3)).toEqual(["items", 0, "id"]);
  });
});
