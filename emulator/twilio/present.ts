import type { TwilioSummary } from "../data/sections/twilio-section";

/** `SummaryInfo`, with `source` only where the summary has one. */
export function presentSummary(summary: TwilioSummary) {
  return {
    id: summary.id,
    conversationId: summary.conversationId,
    content: summary.content,
    ...(summary.source === undefined ? {} : { source: summary.source }),
    occurredAt: summary.occurredAt,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
  };
}
