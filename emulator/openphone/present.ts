import { renderTurns } from "../data/render-transcript";
import type { OpenPhoneCall } from "../data/sections/openphone-section";
import { isoInstant } from "../data/spoken-formats";
import type { QuoCallRecord } from "./store";

/** The `Call` object: every documented field and nothing else (its schema has `additionalProperties: false`). */
export function presentCall(call: OpenPhoneCall) {
  return {
    id: call.id,
    phoneNumberId: call.phoneNumberId,
    userId: call.userId,
    direction: call.direction,
    status: call.status,
    participants: call.participants,
    duration: call.duration,
    createdAt: call.createdAt,
    answeredAt: call.answeredAt,
    completedAt: call.completedAt,
    updatedAt: call.updatedAt,
    answeredBy: call.answeredBy,
    initiatedBy: call.initiatedBy,
    callRoute: call.callRoute,
    forwardedFrom: call.forwardedFrom,
    forwardedTo: call.forwardedTo,
    aiHandled: call.aiHandled,
  };
}

const OUTCOMES = { missed: "voicemail", "no-answer": "voicemail", forwarded: "transferred" } as const;

/** `{callId, createdAt, dialogue, duration, status}`; the dialogue only once the transcript is completed. */
export function presentTranscript(record: QuoCallRecord) {
  const { call, line, external } = record;
  const { dialogue } = call.transcript;
  const outcome = OUTCOMES[call.status as keyof typeof OUTCOMES] ?? "answered";
  const ended = Date.parse(call.completedAt ?? call.createdAt);
  return {
    callId: call.id,
    // A transcript is made once the call has ended.
    createdAt: isoInstant(ended + 45_000, false),
    dialogue:
      dialogue === null
        ? null
        : renderTurns(dialogue, {
            direction: call.direction === "incoming" ? "inbound" : "outbound",
            outcome,
            durationSec: call.duration,
          }).map((turn) => ({
            content: turn.text,
            start: turn.start,
            end: turn.end,
            identifier: turn.speaker === "agent" ? line.number : external,
            // "Null for external participants."
            userId: turn.speaker === "agent" ? call.userId : null,
          })),
    duration: call.duration,
    status: call.transcript.status,
  };
}

export function presentSummary(call: OpenPhoneCall) {
  return {
    callId: call.id,
    nextSteps: call.summary.nextSteps,
    status: call.summary.status,
    summary: call.summary.summary,
    jobs: null,
  };
}
