import { z } from "zod";
import { transcriptSourceSchema } from "../transcript-source";

export const templateKeySchema = z.enum(["MARKDOWN_CLASSIC", "MARKDOWN_SHORT_CALL"]);
export type TemplateKey = z.infer<typeof templateKeySchema>;

const instant = z.iso.datetime();
const phoneNumber = z.e164();

export const userSchema = z.object({
  id: z.string().regex(/^usr-[a-z0-9]+$/),
  name: z.string().min(1),
  email: z.email(),
});

export const contactSchema = z.object({
  id: z.string().regex(/^cnt-[a-z0-9]+$/),
  name: z.string().min(1),
  phone: phoneNumber,
  email: z.email(),
  company: z.object({ id: z.string().regex(/^com-[a-z0-9]+$/), name: z.string().min(1) }).nullable(),
  deals: z.array(
    z.object({
      id: z.string().regex(/^dea-[a-z0-9]+$/),
      name: z.string().min(1),
      status: z.enum(["OPEN", "WON", "LOST"]),
    }),
  ),
});

export const storedSummarySchema = z.object({
  template_key: templateKeySchema,
  content: z.string().max(100_000),
  updated_at: instant,
  updated_by: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});

const itemBase = {
  direction: z.enum(["INBOUND", "OUTBOUND"]),
  allo_number: phoneNumber,
  contact_number: phoneNumber,
  /** Null when the number matches no contact: the item then lists no contacts. */
  contact_id: z.string().nullable(),
  user_id: z.string(),
  date: instant,
  tags: z.array(z.string().min(1)),
};

export const callItemSchema = z.object({
  id: z.string().regex(/^cll-[a-z0-9]{10}$/),
  type: z.literal("CALL"),
  ...itemBase,
  duration: z.number().int().min(1),
  result: z.enum(["ANSWERED", "VOICEMAIL", "TRANSFERRED"]),
  recording_url: z.url().nullable(),
  transcript: transcriptSourceSchema,
  /** Completed summary templates, at most one per key. Empty: the summary is not available yet. */
  summaries: z.array(storedSummarySchema).max(2),
  /** One counter per call, shared by its templates; 0 until a summary exists. */
  summary_version: z.number().int().min(0),
});

export const smsItemSchema = z.object({
  id: z.string().regex(/^msg-[a-z0-9]{10}$/),
  type: z.literal("SMS"),
  ...itemBase,
  content: z.string(),
  status: z.enum(["PENDING", "SENT", "DELIVERED", "FAILED"]),
  message_type: z.enum(["SMS", "MMS", "WHATSAPP"]),
});

export const alloItemSchema = z.discriminatedUnion("type", [callItemSchema, smsItemSchema]);

/** One Allo workspace: its team, users (who take calls and hold keys), numbers, CRM contacts and items. */
export const alloSectionSchema = z
  .object({
    team: z.object({ id: z.string().min(1), name: z.string().min(1) }),
    users: z.array(userSchema).min(1),
    allo_numbers: z.array(z.object({ number: phoneNumber, name: z.string().min(1) })).min(1),
    contacts: z.array(contactSchema),
    items: z.array(alloItemSchema),
  })
  .superRefine((section, ctx) => {
    const users = new Set(section.users.map((user) => user.id));
    const contacts = new Set(section.contacts.map((contact) => contact.id));
    const numbers = new Set(section.allo_numbers.map((entry) => entry.number));
    const ids = new Set<string>();
    section.items.forEach((item, index) => {
      const path = ["items", index];
      if (ids.has(item.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `Duplicate item id ${item.id}` });
      ids.add(item.id);
      if (!users.has(item.user_id)) ctx.addIssue({ code: "custom", path: [...path, "user_id"], message: "Unknown user" });
      if (item.contact_id !== null && !contacts.has(item.contact_id)) {
        ctx.addIssue({ code: "custom", path: [...path, "contact_id"], message: "Unknown contact" });
      }
      if (!numbers.has(item.allo_number)) {
        ctx.addIssue({ code: "custom", path: [...path, "allo_number"], message: "Not one of the team's Allo numbers" });
      }
      if (item.type === "CALL") {
        const keys = item.summaries.map((summary) => summary.template_key);
        if (new Set(keys).size !== keys.length) {
          ctx.addIssue({ code: "custom", path: [...path, "summaries"], message: "A template appears twice" });
        }
        if ((keys.length === 0) !== (item.summary_version === 0)) {
          ctx.addIssue({ code: "custom", path: [...path, "summary_version"], message: "Version is 0 exactly when there is no summary" });
        }
      }
    });
  });

export type AlloSection = z.infer<typeof alloSectionSchema>;
export type AlloUser = z.infer<typeof userSchema>;
export type AlloContact = z.infer<typeof contactSchema>;
export type CallItem = z.infer<typeof callItemSchema>;
export type SmsItem = z.infer<typeof smsItemSchema>;
export type StoredSummary = z.infer<typeof storedSummarySchema>;
