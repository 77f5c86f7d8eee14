import { z } from "zod";

/** Twilio Conversation Memory as CONTRACTS.md §4 documents it, written independently of the emulator. */
export const twilioIds = {
  store: /^mem_(store|service)_[0-7][0-9a-z]{25}$/,
  profile: /^mem_profile_[0-7][0-9a-z]{25}$/,
  summary: /^mem_summary_[0-7][0-9a-z]{25}$/,
  conversation: /^conv_conversation_[0-7][0-9a-z]{25}$/,
};

const instant = z.iso.datetime();

export const summaryInfo = z.strictObject({
  id: z.string().regex(twilioIds.summary),
  conversationId: z.string().regex(twilioIds.conversation),
  content: z.string().min(1).max(4096),
  source: z.string().max(100).regex(/^[a-zA-Z0-9 _.-]+$/).optional(),
  occurredAt: instant,
  createdAt: instant,
  updatedAt: instant,
});

/** The list; `meta.key` is optional in the spec, but twilio-node's TokenPage needs it, so it is required here. */
export const summaryList = z.strictObject({
  summaries: z.array(summaryInfo).max(50),
  meta: z.strictObject({
    key: z.literal("summaries"),
    pageSize: z.number().int().min(1).max(50),
    nextToken: z.string().optional(),
    previousToken: z.string().optional(),
  }),
});

/** `Profile` (FetchProfile): `additionalProperties: false`; traits are groups of name → value. */
const traitScalar = z.union([z.string(), z.number().int(), z.boolean()]);
export const profile = z.strictObject({
  id: z.string().regex(twilioIds.profile),
  createdAt: instant,
  traits: z.record(z.string().max(64), z.record(z.string().max(64), z.union([traitScalar, z.array(traitScalar)]))),
});

export const accepted = z.strictObject({ message: z.string().max(255) });

const codes = { 400: 400, 401: 20003, 403: 403, 404: 20404, 429: 20429, 500: 20500, 503: 20503 } as const;

/** `TwilioError`: `additionalProperties: false`. */
export function twilioError(status: keyof typeof codes) {
  return z.strictObject({
    code: z.literal(codes[status]),
    message: z.string().max(1024),
    more_info: z.literal(`https://www.twilio.com/docs/api/errors/${codes[status]}`),
    status: z.literal(status),
  });
}
