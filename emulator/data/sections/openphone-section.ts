import { z } from "zod";
import { transcriptSourceSchema } from "../transcript-source";

const instant = z.iso.datetime();
const phoneNumber = z.e164();
const userId = z.string().regex(/^US\w+$/, "Quo user ids start with US");

/** Shared by transcripts and summaries: generation runs after the call, may take long, or fail. */
export const jobStatusSchema = z.enum(["absent", "in-progress", "completed", "failed"]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const callStatusSchema = z.enum([
  "queued",
  "initiated",
  "ringing",
  "in-progress",
  "completed",
  "busy",
  "failed",
  "no-answer",
  "canceled",
  "missed",
  "answered",
  "forwarded",
  "abandoned",
]);

/**
 * A Quo call as `GET /v1/calls/{id}` shows it (camelCase, every field present), plus what the call's
 * transcript and summary endpoints answer for it.
 */
export const openPhoneCallSchema = z.object({
  id: z.string().regex(/^AC\w+$/, "Quo call ids start with AC"),
  phoneNumberId: z.string().regex(/^PN\w+$/),
  userId,
  direction: z.enum(["incoming", "outgoing"]),
  status: callStatusSchema,
  /** The other party first, then the Quo number. */
  participants: z.array(phoneNumber).min(1).max(2),
  duration: z.number().int().min(0),
  createdAt: instant,
  answeredAt: instant.nullable(),
  completedAt: instant.nullable(),
  updatedAt: instant.nullable(),
  answeredBy: userId.nullable(),
  initiatedBy: userId.nullable(),
  callRoute: z.enum(["phone-number", "phone-menu"]).nullable(),
  forwardedFrom: z.union([phoneNumber, userId]).nullable(),
  forwardedTo: z.union([phoneNumber, userId]).nullable(),
  aiHandled: z.literal("ai-agent").nullable(),
  transcript: z.object({
    status: jobStatusSchema,
    /** Null unless the status is `completed`. */
    dialogue: transcriptSourceSchema.nullable(),
  }),
  summary: z.object({
    status: jobStatusSchema,
    /** Bullet points; null unless the status is `completed`. */
    summary: z.array(z.string()).nullable(),
    nextSteps: z.array(z.string()).nullable(),
  }),
});

/** A labelled value of a contact's default fields: `{name: "mobile", value: "+1555…"}`. */
const contactFieldSchema = z.object({ name: z.string(), value: z.string().nullable() });

/**
 * A Quo contact as `GET /v1/contacts` shows it, without the ids Quo gives each email and phone number
 * (derived on read) and without custom fields (none are generated).
 */
export const openPhoneContactSchema = z.object({
  id: z.string().min(1),
  externalId: z.string().nullable(),
  /** How the contact was created: `public-api`, an integration's name… */
  source: z.string().min(1),
  defaultFields: z.object({
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    company: z.string().nullable(),
    role: z.string().nullable(),
    emails: z.array(contactFieldSchema),
    phoneNumbers: z.array(contactFieldSchema),
  }),
  createdAt: instant,
  updatedAt: instant,
  createdByUserId: userId,
});

/** One Quo workspace: its users, its phone numbers (who is on each), its contacts and the calls. */
export const openPhoneSectionSchema = z
  .object({
    workspace: z.object({ name: z.string().min(1) }),
    users: z
      .array(z.object({ id: userId, name: z.string().min(1), email: z.email(), role: z.enum(["owner", "admin", "member"]) }))
      .min(1),
    phoneNumbers: z
      .array(
        z.object({
          id: z.string().regex(/^PN\w+$/, "Quo phone number ids start with PN"),
          number: phoneNumber,
          name: z.string().min(1),
          /** The users with access to this number; listing calls as anyone else is refused. */
          userIds: z.array(userId).min(1),
        }),
      )
      .min(1),
    /** Optional in a fixture: a workspace may have saved nobody as a contact. */
    contacts: z.array(openPhoneContactSchema).default([]),
    calls: z.array(openPhoneCallSchema),
  })
  .superRefine((section, ctx) => {
    const users = new Set(section.users.map((user) => user.id));
    const contactIds = new Set<string>();
    section.contacts.forEach((contact, index) => {
      const path = ["contacts", index];
      if (contactIds.has(contact.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `Duplicate contact id ${contact.id}` });
      contactIds.add(contact.id);
      if (!users.has(contact.createdByUserId)) ctx.addIssue({ code: "custom", path: [...path, "createdByUserId"], message: "Unknown user" });
    });
    const numbers = new Map(section.phoneNumbers.map((entry) => [entry.id, entry]));
    section.phoneNumbers.forEach((entry, index) => {
      entry.userIds.forEach((id, at) => {
        if (!users.has(id)) ctx.addIssue({ code: "custom", path: ["phoneNumbers", index, "userIds", at], message: "Unknown user" });
      });
    });
    const ids = new Set<string>();
    section.calls.forEach((call, index) => {
      const path = ["calls", index];
      if (ids.has(call.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `Duplicate call id ${call.id}` });
      ids.add(call.id);
      const line = numbers.get(call.phoneNumberId);
      if (line === undefined) ctx.addIssue({ code: "custom", path: [...path, "phoneNumberId"], message: "Unknown phone number" });
      if (!users.has(call.userId)) ctx.addIssue({ code: "custom", path: [...path, "userId"], message: "Unknown user" });
      if (line !== undefined && !call.participants.some((number) => number !== line.number)) {
        ctx.addIssue({ code: "custom", path: [...path, "participants"], message: "No participant besides the Quo number" });
      }
      if ((call.transcript.status === "completed") !== (call.transcript.dialogue !== null)) {
        ctx.addIssue({ code: "custom", path: [...path, "transcript", "dialogue"], message: "A dialogue exactly when the transcript is completed" });
      }
      if ((call.summary.status === "completed") !== (call.summary.summary !== null)) {
        ctx.addIssue({ code: "custom", path: [...path, "summary", "summary"], message: "Bullets exactly when the summary is completed" });
      }
    });
  });

export type OpenPhoneSection = z.infer<typeof openPhoneSectionSchema>;
export type OpenPhoneCall = z.infer<typeof openPhoneCallSchema>;
export type OpenPhoneUser = OpenPhoneSection["users"][number];
export type OpenPhoneNumber = OpenPhoneSection["phoneNumbers"][number];
export type OpenPhoneContact = z.infer<typeof openPhoneContactSchema>;
