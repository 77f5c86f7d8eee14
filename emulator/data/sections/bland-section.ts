import { z } from "zod";
import { transcriptSourceSchema } from "../transcript-source";

/** Bland writes times as ISO 8601 with milliseconds and `Z`. */
const instant = z.iso.datetime();
const phoneNumber = z.e164();
const uuid = z.uuid();

export const recentMessageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  channel: z.enum(["call", "sms"]),
  timestamp: instant,
});

export const openItemSchema = z.object({
  type: z.string().min(1),
  description: z.string().min(1),
  created_at: instant,
  priority: z.enum(["low", "medium", "high"]),
  related_to: z.object({ entity_type: z.string(), entity_id: z.string() }),
});

export const entitySchema = z.object({
  entity_type: z.string().min(1),
  entity_id: z.string().min(1),
  facts: z.record(z.string(), z.string()),
  status: z.string(),
  last_discussed_at: instant,
  notes: z.string(),
});

/** A contact memory: what the agent remembers of one contact, per persona or per agent number. */
export const contactMemorySchema = z.object({
  id: z.string().regex(/^mem-[0-9a-f-]{36}$/, "Contact memory ids are mem- and a UUID"),
  persona_id: z.string().nullable(),
  agent_number: phoneNumber.nullable(),
  /** Plain text; null for a memory no summary has been written for yet. */
  summary: z.string().nullable(),
  summary_updated_at: instant.nullable(),
  facts: z.record(z.string(), z.string()),
  recent_messages: z.array(recentMessageSchema),
  open_items: z.array(openItemSchema),
  memory_history: z.array(z.unknown()),
  entities: z.array(entitySchema),
  created_at: instant,
  updated_at: instant,
});

export const blandContactSchema = z.object({
  id: uuid,
  name: z.string().min(1),
  metadata: z.record(z.string(), z.unknown()),
  created_at: instant,
  updated_at: instant,
  identifiers: z
    .array(
      z.object({
        id: uuid,
        identifier_type: z.enum(["phone_number", "email"]),
        identifier_value: z.string().min(1),
        is_primary: z.boolean(),
      }),
    )
    .min(1),
  memories: z.array(contactMemorySchema),
});

/** A Bland call. Fields the API always answers the same way (endpoint_url, max_duration…) are not stored. */
export const blandCallSchema = z.object({
  call_id: uuid,
  created_at: instant,
  started_at: instant.nullable(),
  end_at: instant.nullable(),
  /** Minutes. */
  call_length: z.number().min(0),
  from: phoneNumber,
  to: phoneNumber,
  inbound: z.boolean(),
  completed: z.boolean(),
  queue_status: z.string().min(1),
  answered_by: z.enum(["human", "voicemail", "unknown", "no-answer"]).nullable(),
  call_ended_by: z.enum(["USER", "ASSISTANT"]).nullable(),
  recording_url: z.url().nullable(),
  /** Outbound calls placed with a persona; inbound calls reach an agent number. */
  persona_id: z.string().nullable(),
  /** Bland's own plain-text summary of this call; distinct from the contact memory's summary. */
  summary: z.string().nullable(),
  transcript: transcriptSourceSchema.nullable(),
  transferred_to: phoneNumber.nullable(),
  transferred_at: instant.nullable(),
  error_message: z.string().nullable(),
  batch_id: z.string().nullable(),
  /** US dollars. */
  price: z.number().min(0).nullable(),
});

/** One Bland organisation: its agent numbers and personas, contacts with their memories, and calls. */
export const blandSectionSchema = z
  .object({
    org_id: uuid,
    agent_numbers: z.array(z.object({ number: phoneNumber, name: z.string().min(1) })).min(1),
    personas: z.array(
      z.object({
        id: z.string().regex(/^persona-\w+$/),
        name: z.string().min(1),
        /** The agent numbers attached to the persona: it answers them, and its outbound calls are placed from them. */
        inbound_numbers: z.array(phoneNumber).default([]),
      }),
    ),
    contacts: z.array(blandContactSchema),
    calls: z.array(blandCallSchema),
  })
  .superRefine((section, ctx) => {
    const personas = new Set(section.personas.map((persona) => persona.id));
    const numbers = new Set(section.agent_numbers.map((entry) => entry.number));
    section.personas.forEach((persona, index) => {
      persona.inbound_numbers.forEach((number, at) => {
        if (!numbers.has(number)) ctx.addIssue({ code: "custom", path: ["personas", index, "inbound_numbers", at], message: "Not one of the agent numbers" });
      });
    });
    const ids = new Set<string>();
    const memoryIds = new Set<string>();
    section.contacts.forEach((contact, index) => {
      if (ids.has(contact.id)) ctx.addIssue({ code: "custom", path: ["contacts", index, "id"], message: `Duplicate id ${contact.id}` });
      ids.add(contact.id);
      contact.memories.forEach((memory, at) => {
        const path = ["contacts", index, "memories", at];
        if (memoryIds.has(memory.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `Duplicate memory id ${memory.id}` });
        memoryIds.add(memory.id);
        if ((memory.persona_id === null) === (memory.agent_number === null)) {
          ctx.addIssue({ code: "custom", path, message: "A memory belongs to exactly one of a persona or an agent number" });
        }
        if (memory.persona_id !== null && !personas.has(memory.persona_id)) {
          ctx.addIssue({ code: "custom", path: [...path, "persona_id"], message: "Unknown persona" });
        }
        if (memory.agent_number !== null && !numbers.has(memory.agent_number)) {
          ctx.addIssue({ code: "custom", path: [...path, "agent_number"], message: "Not one of the agent numbers" });
        }
      });
    });
    const callIds = new Set<string>();
    section.calls.forEach((call, index) => {
      if (callIds.has(call.call_id)) ctx.addIssue({ code: "custom", path: ["calls", index, "call_id"], message: `Duplicate call id ${call.call_id}` });
      callIds.add(call.call_id);
      if (call.persona_id !== null && !personas.has(call.persona_id)) {
        ctx.addIssue({ code: "custom", path: ["calls", index, "persona_id"], message: "Unknown persona" });
      }
    });
  });

export type BlandSection = z.infer<typeof blandSectionSchema>;
export type BlandCall = z.infer<typeof blandCallSchema>;
export type BlandContact = z.infer<typeof blandContactSchema>;
export type ContactMemory = z.infer<typeof contactMemorySchema>;
