import { describe, expect, it } from "vitest";
import { blandTimestampSchema, callDetailSchema, contactMemorySchema, contactSchema, listCallsResponseSchema } from "@/lib/providers/bland/schemas";
import { toAppliedOutcome, toCallDetail, toCallListItem, toCallPage, toSummarySnapshot } from "@/lib/providers/bland/transform";
import { blandCall, contact, listedCall, memory } from "./fixtures";

describe("blandTimestampSchema", () => {
  it.each([
    { value: "2023-12-21T23:25:14.801193+00:00", expected: "2023-12-21T23:25:14.801Z" },
    { value: "2025-07-22T16:00:00.000Z", expected: "2025-07-22T16:00:00.000Z" },
    { value: "2024-04-27T23:51:25+00", expected: "2024-04-27T23:51:25.000Z" },
    { value: "2024-04-27 23:51:25+0200", expected: "2024-04-27T21:51:25.000Z" },
    { value: "2024-04-27T23:51:25", expected: "2024-04-27T23:51:25.000Z" },
  ])("reads $value as $expected", ({ value, expected }) => {
    expect(blandTimestampSchema.parse(value)).toBe(expected);
  });

  it("refuses what is not a date-time", () => {
    expect(blandTimestampSchema.safeParse("yesterday").success).toBe(false);
    expect(blandTimestampSchema.safeParse("2024-13-45T99:99:00Z").success).toBe(false);
  });
});

describe("toCallListItem", () => {
  it("reports an inbound call's caller as the customer and the answering number as the agent", () => {
    const item = toCallListItem(callDetailSchema.parse(blandCall({ inbound: true, from: "+12223334444", to: "+17163511654" })));

    expect(item).toMatchObject({ direction: "inbound", counterpart: { number: "+12223334444" }, agent: { id: "+17163511654" } });
  });

  it("expects no summary from a call that did not complete, and leaves an unknown length unknown", () => {
    const item = toCallListItem(listCallsResponseSchema.parse({ count: 1, calls: [listedCall({ completed: false, call_length: null })] }).calls[0]!);

    expect(item).toMatchObject({ summaryStatus: "in_progress", durationSec: null });
  });
});

describe("toCallPage", () => {
  const list = (count: number, length: number) =>
    listCallsResponseSchema.parse({ count, calls: Array.from({ length }, (_, i) => listedCall({ call_id: `c-${i}` })) });

  it("reads count as the whole list's size", () => {
    expect(toCallPage(list(45, 20), { page: 2, size: 20 })).toMatchObject({ totalCount: 45, hasMore: true });
    expect(toCallPage(list(45, 5), { page: 3, size: 20 })).toMatchObject({ totalCount: 45, hasMore: false });
  });

  it("keeps paging when a full page's count may only count that page", () => {
    expect(toCallPage(list(20, 20), { page: 2, size: 20 })).toMatchObject({ totalCount: 40, hasMore: true });
  });

  it("never shows more than a page, should Bland send more", () => {
    expect(toCallPage(list(100, 25), { page: 1, size: 20 }).items).toHaveLength(20);
  });
});

describe("toCallDetail", () => {
  it("names an automated voice on the line as the customer's end", () => {
    const call = callDetailSchema.parse(blandCall({ transcripts: [{ id: 1, created_at: "2024-04-27T23:51:26Z", text: "Please leave a message.", user: "robot" }] }));

    expect(toCallDetail(call, null, null).transcript).toEqual([
      { speaker: "customer", speakerName: "Automated voice", at: "2024-04-27T23:51:26.000Z", text: "Please leave a message." },
    ]);
  });

  it("has an empty transcript when Bland sends none", () => {
    expect(toCallDetail(callDetailSchema.parse(blandCall({ transcripts: null })), null, null).transcript).toEqual([]);
  });

  it("takes the customer's name from the contact", () => {
    expect(toCallDetail(callDetailSchema.parse(blandCall()), contactSchema.parse(contact()), null).counterpart.name).toBe("John Doe");
  });
});

describe("toSummarySnapshot", () => {
  it("shows a new memory's null summary as no summary", () => {
    expect(toSummarySnapshot(contactMemorySchema.parse(memory({ summary: null, summary_updated_at: null })))).toEqual({
      templateKey: null,
      content: null,
      version: null,
      updatedAt: "2025-07-22T16:05:00.000Z",
      updatedBy: null,
    });
  });
});

describe("toAppliedOutcome", () => {
  it("keeps the sent text when Bland echoes none, with the memory's update time", () => {
    expect(toAppliedOutcome(contactMemorySchema.parse(memory({ summary: null, summary_updated_at: null })), "mine")).toEqual({
      status: "applied",
      content: "mine",
      version: null,
      updatedAt: "2025-07-22T16:05:00.000Z",
      updatedBy: null,
    });
  });
});
