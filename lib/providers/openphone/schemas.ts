import { z } from "zod";

/** Quo's (OpenPhone's) v1 JSON shapes, from the OpenAPI embedded in its docs. Fields Redline never reads are left out. */

/** Quo's date-times carry a zone; they are handed on as UTC ISO 8601 so every provider's times compare as strings. */
export const quoTimestampSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const phoneNumberIdSchema = z.string().regex(/^PN\w+$/, "Quo phone number ids start with PN");
export const userIdSchema = z.string().regex(/^US\w+$/, "Quo user ids start with US");
export const e164Schema = z.string().regex(/^\+[1-9]\d{1,14}$/, "Expected an E.164 phone number such as +15551230001");

export const callSchema = z.object({
  id: z.string().min(1),
  phoneNumberId: z.string(),
  /** The Quo user the call belongs to: our agent. */
  userId: z.string().nullish(),
  direction: z.enum(["incoming", "outgoing"]),
  // Enumerated in the spec (completed, missed, in-progress…) but only compared: a new value must not break the queue.
  status: z.string(),
  /** E.164 numbers; which one is ours is not said, so the counterpart is found by the configured participants. */
  participants: z.array(z.string()),
  /** Seconds. */
  duration: z.number().min(0),
  createdAt: quoTimestampSchema,
  answeredAt: quoTimestampSchema.nullish(),
  completedAt: quoTimestampSchema.nullish(),
});
export type QuoCall = z.infer<typeof callSchema>;

export const listCallsResponseSchema = z.object({
  data: z.array(callSchema),
  // Documented as inaccurate ("not accurately returning the total number"): never used as a count.
  totalItems: z.number().nullish(),
  nextPageToken: z.string().nullable(),
});

export const callResponseSchema = z.object({ data: callSchema });

/** Shared by transcripts and summaries: generation runs after the call and may never finish. */
export const jobStatusSchema = z.enum(["absent", "in-progress", "completed", "failed"]);
export type QuoJobStatus = z.infer<typeof jobStatusSchema>;

export const dialogueEntrySchema = z.object({
  content: z.string(),
  /** Seconds from the start of the call. */
  start: z.number().min(0),
  end: z.number().min(0),
  /** The speaker's phone number. */
  identifier: z.string().nullable(),
  /** Set for a Quo user (our side); null for external participants. */
  userId: z.string().nullable(),
});

export const transcriptSchema = z.object({
  callId: z.string(),
  createdAt: quoTimestampSchema,
  dialogue: z.array(dialogueEntrySchema).nullable(),
  duration: z.number().min(0),
  status: jobStatusSchema,
});
export type QuoTranscript = z.infer<typeof transcriptSchema>;

export const transcriptResponseSchema = z.object({ data: transcriptSchema });

export const callSummarySchema = z.object({
  callId: z.string(),
  summary: z.array(z.string()).nullable(),
  nextSteps: z.array(z.string()).nullable(),
  status: jobStatusSchema,
});
export type QuoCallSummary = z.infer<typeof callSummarySchema>;

export const callSummaryResponseSchema = z.object({ data: callSummarySchema });

/** A workspace user (`GET /v1/users`): who a call's `userId` is. */
export const userSchema = z.object({
  id: z.string().min(1),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
});

export const listUsersResponseSchema = z.object({ data: z.array(userSchema), nextPageToken: z.string().nullable() });

const contactFieldSchema = z.object({ name: z.string().nullish(), value: z.string().nullish() });

/** A saved contact (`GET /v1/contacts`): who a call's other participant is, found by phone number. */
export const contactSchema = z.object({
  id: z.string().min(1),
  defaultFields: z.object({
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    company: z.string().nullish(),
    phoneNumbers: z.array(contactFieldSchema).nullish(),
  }),
});
export type QuoContact = z.infer<typeof contactSchema>;

export const listContactsResponseSchema = z.object({ data: z.array(contactSchema), nextPageToken: z.string().nullable() });

/** Quo's error body. `code` is a string constant per operation and status (`0500404`: summaries, not found). */
export const apiErrorSchema = z.object({
  message: z.string().nullish(),
  code: z.string().min(1),
  status: z.number().nullish(),
  docs: z.string().nullish(),
  title: z.string().nullish(),
  /** Quo's id for the failed request: what support asks for. */
  trace: z.string().nullish(),
  errors: z
    .array(z.object({ path: z.string().nullish(), message: z.string().nullish() }))
    .nullish(),
});
export type QuoApiError = z.infer<typeof apiErrorSchema>;
