import { describe, expect, it } from "vitest";
import { callSummarySchema, conversationItemSchema, paginationSchema } from "@/lib/providers/allo/schemas";
import { toAppliedOutcome, toCallDetail, toCallListItem, toCallPage } from "@/lib/providers/allo/transform";
import { callItem, callSummary, transcript } from "./fixtures";

const item = (overrides: Record<string, unknown> = {}) => conversationItemSchema.parse(callItem(overrides));

describe("toCallListItem", () => {
  it("maps a call for the queue", () => {
    expect(toCallListItem(item())).toEqual({
      ref: { provider: "allo", callId: "cll-abc123" },
      targetId: "cll-abc123",
      startedAt: "2023-11-07T05:31:56.000Z",
      durationSec: 123,
      direction: "inbound",
      agent: { id: "usr-abc123", name: "John" },
      counterpart: { name: "Sarah Johnson", number: "+14155551234" },
      summaryStatus: "ready",
      summaryText: item().summary,
    });
  });

  it("lower-cases an outbound direction", () => {
    expect(toCallListItem(item({ direction: "OUTBOUND" })).direction).toBe("outbound");
  });

  it("shows a caller with no contact record by number only", () => {
    expect(toCallListItem(item({ contacts: [] })).counterpart).toEqual({ name: null, number: "+14155551234" });
  });

  it("says there is no summary while Allo's AI has not written one", () => {
    expect(toCallListItem(item({ summary: null })).summaryStatus).toBe("absent");
  });

  it("leaves the agent and duration unknown when Allo omits them", () => {
    const mapped = toCallListItem(item({ user: null, duration: null }));
    expect(mapped.agent).toBeNull();
    expect(mapped.durationSec).toBeNull();
  });
});

describe("toCallDetail", () => {
  it("names the speakers: USER is our agent, EXTERNAL the customer", () => {
    const detail = toCallDetail(item({ transcript }));

    expect(detail.transcript).toEqual([
      { speaker: "agent", speakerName: "John", at: "2023-11-07T05:31:56.000Z", text: "Thanks for calling Acme, this is John." },
      { speaker: "customer", speakerName: "Sarah Johnson", at: "2023-11-07T05:32:01.000Z", text: "Hi, I have a question about pricing." },
    ]);
  });

  it("reports the summary without template, version or author, which Allo does not return on read", () => {
    expect(toCallDetail(item()).summary).toEqual({
      templateKey: null,
      content: "# Summary\n\nCustomer asked about pricing.",
      version: null,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it("has an empty transcript when Allo sends none", () => {
    expect(toCallDetail(item({ transcript: null })).transcript).toEqual([]);
  });
});

describe("toCallPage", () => {
  it("carries Allo's pagination", () => {
    const pagination = paginationSchema.parse({ page: 2, size: 1, total_count: 3, total_pages: 3, has_more: true });

    const page = toCallPage([item()], pagination);

    expect(page).toMatchObject({ page: 2, size: 1, totalCount: 3, hasMore: true });
    expect(page.items.map((call) => call.ref.callId)).toEqual(["cll-abc123"]);
  });
});

describe("toAppliedOutcome", () => {
  it("reports the new version and author, with Allo's zone-less time read as UTC", () => {
    expect(toAppliedOutcome(callSummarySchema.parse(callSummary), "ignored")).toEqual({
      status: "applied",
      content: callSummary.content,
      version: 4,
      updatedAt: "2026-05-12T14:32:11.000Z",
      updatedBy: { id: "usr-abc123", name: "Alex Kim" },
    });
  });

  it("keeps the sent content when Allo echoes none", () => {
    const outcome = toAppliedOutcome(callSummarySchema.parse({ ...callSummary, content: null, updated_at: null, updated_by: null }), "# mine");

    expect(outcome).toEqual({ status: "applied", content: "# mine", version: 4, updatedAt: null, updatedBy: null });
  });
});
