import { z } from "zod";

/** Bland's JSON shapes, from docs.bland.ai. Fields Redline never reads are left out or kept loose. */

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

/**
 * A Bland date-time as UTC ISO 8601. Bland mixes `2025-07-22T16:00:00.000Z` (memory) with Postgres-style
 * `2023-12-21T23:25:14.801193+00:00` (calls); a bare `+00` zone is completed and a zone-less time read as UTC.
 */
export const blandTimestampSchema = z
  .string()
  .regex(TIMESTAMP, "Expected an ISO 8601 date-time")
  .transform((value, ctx) => {
    const zoned = value
      .replace(" ", "T")
      .replace(/([+-]\d{2})(\d{2})$/, "$1:$2")
      .replace(/([+-]\d{2})$/, "$1:00");
    const date = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(zoned) ? zoned : `${zoned}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Expected a real calendar date-time", input: value });
      return z.NEVER;
    }
    return date.toISOString();
  });

/** Documented as a number on one page and shown as a UUID string everywhere else. */
const callIdSchema = z.union([z.string().min(1), z.number()]).transform(String);

export const callListEntrySchema = z.object({
  call_id: callIdSchema,
  created_at: blandTimestampSchema,
  /** Minutes. */
  call_length: z.number().min(0).nullish(),
  to: z.string().nullish(),
  from: z.string().nullish(),
  /** Not in the list's documented fields, only in a call's detail: the adapter works it out for listed calls. */
  inbound: z.boolean().nullish(),
  completed: z.boolean().nullish(),
  queue_status: z.string().nullish(),
});
export type BlandCallListEntry = z.infer<typeof callListEntrySchema>;

/** A bare object: Bland's call endpoints do not use the `{data, errors}` envelope. */
export const listCallsResponseSchema = z.object({
  count: z.number().int().min(0),
  calls: z.array(callListEntrySchema),
});
export type BlandCallList = z.infer<typeof listCallsResponseSchema>;

export const transcriptEntrySchema = z.object({
  created_at: blandTimestampSchema,
  text: z.string(),
  // user | assistant | robot | agent-action; a new speaker kind must not make a call unreadable.
  user: z.string(),
});
export type BlandTranscriptEntry = z.infer<typeof transcriptEntrySchema>;

export const callDetailSchema = callListEntrySchema.extend({
  started_at: blandTimestampSchema.nullish(),
  transcripts: z.array(transcriptEntrySchema).nullish(),
  persona_id: z.string().nullish(),
  /** The parameters the call was sent with; a persona call names its persona here. */
  request_data: z.looseObject({ persona_id: z.string().nullish() }).nullish(),
});
export type BlandCall = z.infer<typeof callDetailSchema>;

/** One contact memory: scoped to a contact and either a persona or an agent phone number. */
export const contactMemorySchema = z.object({
  id: z.string().min(1),
  contact_id: z.string().nullish(),
  persona_id: z.string().nullish(),
  agent_number: z.string().nullish(),
  /** Plain text; null for a memory nothing has been summarised into yet. */
  summary: z.string().nullish(),
  summary_updated_at: blandTimestampSchema.nullish(),
  updated_at: blandTimestampSchema.nullish(),
});
export type ContactMemory = z.infer<typeof contactMemorySchema>;

export const contactIdentifierSchema = z.object({
  identifier_type: z.string(),
  identifier_value: z.string(),
  is_primary: z.boolean().nullish(),
});

export const contactSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  identifiers: z.array(contactIdentifierSchema).nullish(),
  // The page's field list says `memories`, its description `contact_memories`: either is read.
  memories: z.array(contactMemorySchema).nullish(),
  contact_memories: z.array(contactMemorySchema).nullish(),
});
export type BlandContact = z.infer<typeof contactSchema>;

export const envelopeErrorSchema = z.object({ error: z.string().nullish(), message: z.string().nullish() });

/** Memory and contact answers: `{data, errors: null}`, or `{data: null, errors: [...]}` when refused. */
export const memoryResponseSchema = z.object({
  data: contactMemorySchema.nullable(),
  errors: z.array(envelopeErrorSchema).nullish(),
});
export type MemoryResponse = z.infer<typeof memoryResponseSchema>;

export const contactsResponseSchema = z.object({
  data: z.array(contactSchema).nullable(),
  pagination: z
    .object({
      total: z.number().int().nullish(),
      limit: z.number().int().nullish(),
      offset: z.number().int().nullish(),
      has_more: z.boolean(),
    })
    .nullish(),
  errors: z.array(envelopeErrorSchema).nullish(),
});

/** A persona (`GET /v1/personas`): a named AI agent, and the agent numbers attached to it. */
export const personaSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  deleted_at: z.string().nullish(),
  inbound_numbers: z.array(z.object({ phone_number: z.string() })).nullish(),
});

export const personasResponseSchema = z.object({
  data: z.array(personaSchema).nullable(),
  errors: z.array(envelopeErrorSchema).nullish(),
});

export const updateSummaryRequestSchema = z.object({ summary: z.string().min(1) });

/** Either error shape Bland answers with: the envelope (memory, contacts) or a bare object (calls). */
export const apiErrorSchema = z.union([
  z.object({ errors: z.array(z.union([envelopeErrorSchema, z.string()])).min(1) }),
  z.object({ message: z.string().min(1), error: z.string().nullish() }),
  z.object({ error: z.string().min(1) }),
]);
