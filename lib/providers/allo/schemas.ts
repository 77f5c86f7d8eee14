import { z } from "zod";

/** Allo's JSON shapes (v2), from its OpenAPI `components.schemas`. Fields Redline never reads are left out or kept loose. */

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:\d{2})$/;

/**
 * An Allo date-time as UTC ISO 8601. Allo mixes `2023-11-07T05:31:56Z` (items) with zone-less
 * `2026-05-12T14:32:11` (the PATCH summary answer); a zone-less time is read as UTC, because JavaScript
 * would otherwise read it in the server's local zone.
 */
export const alloTimestampSchema = z
  .string()
  .regex(TIMESTAMP, "Expected an ISO 8601 date-time")
  .transform((value, ctx) => {
    const date = new Date(HAS_ZONE.test(value) ? value : `${value}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Expected a real calendar date-time", input: value });
      return z.NEVER;
    }
    return date.toISOString();
  });

export const templateKeySchema = z.enum(["MARKDOWN_CLASSIC", "MARKDOWN_SHORT_CALL"]);
export type AlloTemplateKey = z.infer<typeof templateKeySchema>;

export const contactSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  company: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});

export const userRefSchema = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});

/** v2 has only USER (the Allo user, our agent) and EXTERNAL (the other party); v1's AGENT is gone. */
export const transcriptEntrySchema = z.object({
  source: z.enum(["USER", "EXTERNAL"]),
  time: alloTimestampSchema,
  text: z.string(),
});

export const conversationItemSchema = z.object({
  id: z.string().min(1),
  type: z.enum(["CALL", "SMS"]),
  direction: z.enum(["INBOUND", "OUTBOUND"]),
  allo_number: z.string().nullish(),
  contact_number: z.string().nullish(),
  contacts: z.array(contactSchema).nullish(),
  user: userRefSchema.nullish(),
  date: alloTimestampSchema,
  /** Seconds; null for SMS. */
  duration: z.number().int().min(0).nullish(),
  // Enumerated in the spec but unused here: a new value on Allo's side must not break the queue.
  result: z.string().nullish(),
  recording_url: z.string().nullish(),
  /** Null for SMS and for calls whose AI summary is not ready yet. */
  summary: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  /** Null unless asked for with `extend=transcript`. */
  transcript: z.array(transcriptEntrySchema).nullish(),
});
export type ConversationItem = z.infer<typeof conversationItemSchema>;

export const paginationSchema = z.object({
  page: z.number().int().min(1),
  size: z.number().int().min(0),
  total_count: z.number().int().min(0),
  total_pages: z.number().int().min(0).nullish(),
  has_more: z.boolean(),
});
export type AlloPagination = z.infer<typeof paginationSchema>;

export const itemSearchRequestSchema = z.object({
  type: z.enum(["CALL", "SMS", "ALL"]).optional(),
  direction: z.enum(["INBOUND", "OUTBOUND"]).optional(),
  allo_number: z.string().optional(),
  contact_number: z.string().optional(),
  user_id: z.string().optional(),
  search: z.string().optional(),
  sort: z.enum(["DATE_DESC", "DATE_ASC", "RELEVANCE"]).optional(),
  extend: z.string().optional(),
  page: z.number().int().min(1).optional(),
  size: z.number().int().min(1).max(100).optional(),
});

export const itemSearchResponseSchema = z.object({
  data: z.array(conversationItemSchema),
  pagination: paginationSchema,
});

export const itemResponseSchema = z.object({ data: conversationItemSchema });

export const updateSummaryRequestSchema = z.object({
  content: z.string().max(100_000),
  template_key: templateKeySchema.optional(),
});

/** The PATCH answer: the only place Allo reveals a summary's version and who last changed it. */
export const callSummarySchema = z.object({
  id: z.string(),
  content: z.string().nullable(),
  version: z.number().int(),
  updated_at: alloTimestampSchema.nullish(),
  updated_by: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

export const callSummaryResponseSchema = z.object({ data: callSummarySchema });

/** The v2 error envelope. Only `code` is needed to call a body an Allo error; the rest is read when present. */
export const apiErrorSchema = z.object({
  error: z.object({
    type: z.string().nullish(),
    code: z.string().min(1),
    message: z.string().nullish(),
    retryable: z.boolean().nullish(),
    request_id: z.string().nullish(),
    retry_after_seconds: z.number().min(0).nullish(),
    param: z.string().nullish(),
    doc_url: z.string().nullish(),
  }),
});
