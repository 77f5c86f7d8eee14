import { describe, expect, it } from "vitest";
import { callSchema, callSummarySchema, transcriptSchema } from "@/lib/providers/openphone/schemas";
import {
  counterpartOf,
  renderSummaryMarkdown,
  toCallDetail,
  toCallListItem,
  toSummarySnapshot,
  toTranscriptTurns,
} from "@/lib/providers/openphone/transform";
import { ALICE, BOB, quoCall, summary, summaryMarkdown, transcript } from "./fixtures";

const call = (overrides: Record<string, unknown> = {}) => callSchema.parse(quoCall(overrides));

describe("toCallListItem", () => {
  it("maps a call for the queue", () => {
    expect(toCallListItem(call(), ALICE)).toEqual({
      ref: { provider: "openphone", callId: "ACea724hac8c30465bcbcff0b76e4c1c7b" },
      targetId: "ACea724hac8c30465bcbcff0b76e4c1c7b",
      summaryText: null,
      startedAt: "2026-05-12T14:00:00.000Z",
      durationSec: 95,
      direction: "inbound",
      agent: { id: "US123abc", name: null },
      counterpart: { name: null, number: ALICE },
      summaryStatus: "unchecked",
    });
  });

  it("maps an outgoing call as outbound", () => {
    expect(toCallListItem(call({ direction: "outgoing" }), ALICE).direction).toBe("outbound");
  });

  it.each([
    { status: "missed", duration: 0 },
    { status: "no-answer", duration: 0 },
    { status: "completed", duration: 0 },
    { status: "in-progress", duration: 40 },
  ])("expects no summary for a $status call of $duration s", ({ status, duration }) => {
    expect(toCallListItem(call({ status, duration }), ALICE).summaryStatus).toBe("absent");
  });
});

describe("counterpartOf", () => {
  it("is the configured participant among the call's numbers", () => {
    expect(counterpartOf(call({ participants: ["+15550000100", BOB] }), [ALICE, BOB])).toBe(BOB);
  });

  it("falls back to the first number for a call on a number that is not configured", () => {
    expect(counterpartOf(call({ participants: ["+15550000100", BOB] }), [])).toBe("+15550000100");
  });

  it("is unknown when the call lists no number", () => {
    expect(counterpartOf(call({ participants: [] }), [ALICE])).toBeNull();
  });
});

describe("renderSummaryMarkdown", () => {
  it("renders the summary and the next steps as bulleted sections", () => {
    expect(renderSummaryMarkdown(summary.summary, summary.nextSteps)).toBe(summaryMarkdown);
  });

  it("leaves out an empty section", () => {
    expect(renderSummaryMarkdown(["Only this."], [])).toBe("## Summary\n\n- Only this.");
    expect(renderSummaryMarkdown(null, ["Call back."])).toBe("## Next steps\n\n- Call back.");
  });

  it("is null when Quo gave nothing", () => {
    expect(renderSummaryMarkdown(null, null)).toBeNull();
    expect(renderSummaryMarkdown([" "], [])).toBeNull();
  });

  it("keeps a sentence spanning lines inside its bullet", () => {
    expect(renderSummaryMarkdown(["First line\nsecond line"], null)).toBe("## Summary\n\n- First line\n  second line");
  });
});

describe("toSummarySnapshot", () => {
  it.each([
    { status: "completed", expected: "ready" },
    { status: "in-progress", expected: "in_progress" },
    { status: "absent", expected: "absent" },
    { status: "failed", expected: "failed" },
  ])("reports Quo's $status as $expected", ({ status, expected }) => {
    expect(toSummarySnapshot({ data: callSummarySchema.parse({ ...summary, status }) }).status).toBe(expected);
  });

  it("reports no summary at all as absent, and a plan without summaries as such", () => {
    expect(toSummarySnapshot({ missing: "absent" })).toEqual({ templateKey: null, content: null, version: null, updatedAt: null, updatedBy: null, status: "absent" });
    expect(toSummarySnapshot({ missing: "not_in_plan" })).toMatchObject({ content: null, status: "not_in_plan" });
  });
});

describe("toTranscriptTurns", () => {
  it("times each line from the moment the call was answered", () => {
    const turns = toTranscriptTurns(transcriptSchema.parse(transcript), call());

    expect(turns.map((turn) => turn.at)).toEqual(["2026-05-12T14:00:05.500Z", "2026-05-12T14:00:08.250Z"]);
  });

  it("times from the call's creation when Quo gives no answer time", () => {
    const turns = toTranscriptTurns(transcriptSchema.parse(transcript), call({ answeredAt: null }));

    expect(turns[0]?.at).toBe("2026-05-12T14:00:00.500Z");
  });

  it("puts a Quo user on the agent's side and an external participant on the customer's", () => {
    expect(toTranscriptTurns(transcriptSchema.parse(transcript), call()).map((turn) => turn.speaker)).toEqual(["agent", "customer"]);
  });

  it("is empty while Quo has no dialogue", () => {
    expect(toTranscriptTurns(transcriptSchema.parse({ ...transcript, dialogue: null, status: "in-progress" }), call())).toEqual([]);
    expect(toTranscriptTurns(null, call())).toEqual([]);
  });
});

describe("toCallDetail", () => {
  it("puts the call, transcript and summary together", () => {
    const detail = toCallDetail(call(), { data: transcriptSchema.parse(transcript) }, { data: callSummarySchema.parse(summary) }, ALICE);

    expect(detail.ref.callId).toBe("ACea724hac8c30465bcbcff0b76e4c1c7b");
    expect(detail.transcript).toHaveLength(2);
    expect(detail.summary.content).toBe(summaryMarkdown);
  });
});
