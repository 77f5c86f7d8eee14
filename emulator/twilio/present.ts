import type { TwilioProfile, TwilioSummary } from "../data/sections/twilio-section";

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

/** Shown for a profile the document gives no creation time and no conversation. */
const UNDATED_PROFILE = "2025-01-01T00:00:00Z";

/** `Profile`: `{id, createdAt, traits}` (`additionalProperties: false`), the trait groups narrowed to `groups` when given. */
export function presentProfile(profile: { id: string; createdAt: string | undefined; traits: TwilioProfile["traits"] }, groups: readonly string[] | null) {
  const traits = groups === null ? profile.traits : Object.fromEntries(Object.entries(profile.traits).filter(([name]) => groups.includes(name)));
  return { id: profile.id, createdAt: profile.createdAt ?? UNDATED_PROFILE, traits };
}
