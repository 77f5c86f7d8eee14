/** Twilio Memory v1 payloads shaped like the examples in `twilio_memory_v1.json`. */

/** A TTID: the prefix, a first character 0-7, then 25 of [0-9a-z]. */
export const ttid = (prefix: string, seed: string) => `${prefix}0${seed.padEnd(25, "0")}`;

export const STORE_ID = ttid("mem_store_", "store1");
export const PROFILE_A = ttid("mem_profile_", "alice");
export const PROFILE_B = ttid("mem_profile_", "bob");
export const SUMMARY_1 = ttid("mem_summary_", "s1");

export function summaryInfo(overrides: Record<string, unknown> = {}) {
  return {
    id: SUMMARY_1,
    conversationId: ttid("conv_conversation_", "c1"),
    content: "Customer discussed billing concerns and was satisfied with the resolution provided during this conversation.",
    source: "conversational_intelligence",
    occurredAt: "2025-01-15T10:30:00Z",
    createdAt: "2025-01-15T10:30:45Z",
    updatedAt: "2025-01-15T10:30:45Z",
    ...overrides,
  };
}

export function summaryPage(summaries: unknown[], meta: Record<string, unknown> = {}) {
  return { summaries, meta: { key: "summaries", pageSize: 50, ...meta } };
}

export function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/api/errors/${code}`, status };
}
