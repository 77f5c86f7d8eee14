import { z } from "zod";

/**
 * Quo (OpenPhone) v1 as CONTRACTS.md §2 documents it, written independently of the emulator so the
 * tests check the emulator against the contract, not against itself.
 */
const instant = z.iso.datetime({ offset: true });
const e164 = z.string().regex(/^\+[1-9]\d{1,14}$/);
const userId = z.string().regex(/^US(.*)$/);
const jobStatus = z.enum(["absent", "in-progress", "completed", "failed"]);

/** `Call`: `additionalProperties: false`, every field required. */
export const quoCall = z.strictObject({
  id: z.string().regex(/^AC(.*)$/),
  phoneNumberId: z.string().regex(/^PN(.*)$/),
  userId,
  direction: z.enum(["incoming", "outgoing"]),
  status: z.enum(["queued", "initiated", "ringing", "in-progress", "completed", "busy", "failed", "no-answer", "canceled", "missed", "answered", "forwarded", "abandoned"]),
  participants: z.array(e164).max(2),
  duration: z.number().int(),
  createdAt: instant,
  answeredAt: instant.nullable(),
  completedAt: instant.nullable(),
  updatedAt: instant.nullable(),
  answeredBy: z.string().nullable(),
  initiatedBy: z.string().nullable(),
  callRoute: z.string().nullable(),
  forwardedFrom: z.union([e164, userId]).nullable(),
  forwardedTo: z.union([e164, userId]).nullable(),
  aiHandled: z.literal("ai-agent").nullable(),
});

export const quoListCalls = z.strictObject({ data: z.array(quoCall), totalItems: z.number().int(), nextPageToken: z.string().nullable() });
export const quoGetCall = z.strictObject({ data: quoCall });

export const quoSummary = z.object({
  data: z.object({
    callId: z.string(),
    nextSteps: z.array(z.string()).nullable(),
    status: jobStatus,
    summary: z.array(z.string()).nullable(),
    jobs: z
      .array(z.object({ icon: z.string(), name: z.string(), result: z.object({ data: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) })) }) }))
      .nullable()
      .optional(),
  }),
});

export const quoTranscript = z.object({
  data: z.object({
    callId: z.string().regex(/^AC(.*)$/),
    createdAt: instant,
    dialogue: z
      .array(z.object({ content: z.string(), start: z.number(), end: z.number(), identifier: z.string().nullable(), userId: userId.nullable() }))
      .nullable(),
    duration: z.number(),
    status: jobStatus,
  }),
});

/** `GET /v1/users` (quo-openphone-list-users.md): every field required, `firstName`/`lastName`/`pictureUrl` nullable. */
export const quoUser = z.strictObject({
  id: userId,
  email: z.email(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  pictureUrl: z.url().nullable(),
  role: z.enum(["owner", "admin", "member"]),
  createdAt: instant,
  updatedAt: instant,
});

export const quoListUsers = z.strictObject({ data: z.array(quoUser), totalItems: z.number().int(), nextPageToken: z.string().nullable() });

const contactField = z.strictObject({ name: z.string(), value: z.string().nullable(), id: z.string().optional() });

/** `Contact` (CONTRACTS §2.9): default fields all present, `sourceUrl` and `externalId` as the contact has them. */
export const quoContact = z.strictObject({
  id: z.string().min(1),
  externalId: z.string().nullable().optional(),
  source: z.string(),
  sourceUrl: z.string().optional(),
  defaultFields: z.strictObject({
    company: z.string().nullable(),
    emails: z.array(contactField),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    phoneNumbers: z.array(contactField),
    role: z.string().nullable(),
  }),
  customFields: z.array(z.object({ name: z.string(), key: z.string().optional(), id: z.string().optional(), type: z.string(), value: z.unknown() })),
  createdAt: instant,
  updatedAt: instant,
  createdByUserId: userId,
});

export const quoListContacts = z.strictObject({ data: z.array(quoContact), totalItems: z.number().int(), nextPageToken: z.string().nullable() });

/** Error `code` per operation and status (CONTRACTS §2.5). */
export const quoErrorCodes = {
  calls: { 400: "0101400", 401: "0100401", 403: "0101403", 404: "0100404", 500: "0101500" },
  summaries: { 400: "0500400", 401: "0500401", 403: "0500403", 404: "0500404", 500: "0501500" },
  transcripts: { 400: "0600400", 401: "0600401", 403: "0600403", 404: "0600404", 500: "0601500" },
  users: { 400: "1100400", 401: "1100401", 403: "1100403", 404: "1100404", 500: "1101500" },
  contacts: { 400: "0801400", 401: "0800401", 403: "0801403", 404: "0800404", 500: "0801500" },
} as const;

/** `{message, code, status, docs, title, trace?, errors?}`; the calls 400 and 403 add `description`. */
export function quoError(code: string, status: number) {
  return z.object({
    message: z.string(),
    code: z.literal(code),
    status: z.literal(status),
    docs: z.literal("https://openphone.com/docs"),
    title: z.string(),
    description: z.string().optional(),
    trace: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), value: z.unknown().optional(), schema: z.object({ type: z.string() }) })).optional(),
  });
}
