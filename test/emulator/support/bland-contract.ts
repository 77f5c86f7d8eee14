import { z } from "zod";

/** Bland as CONTRACTS.md §3 documents it, written independently of the emulator. */
const instant = z.iso.datetime({ offset: true });

export const blandListedCall = z.object({
  call_id: z.string(),
  created_at: instant,
  call_length: z.number(),
  to: z.string(),
  from: z.string(),
  completed: z.boolean(),
  queue_status: z.string(),
  error_message: z.string().nullable(),
  answered_by: z.string().nullable(),
  batch_id: z.string().nullable(),
});

/** `GET /v1/calls`: no `{data, errors}` envelope. */
export const blandListCalls = z.strictObject({ count: z.number().int(), calls: z.array(blandListedCall) });

/** `GET /v1/calls/{call_id}`: a bare object with every documented field. */
export const blandCall = z.object({
  call_id: z.string(),
  call_length: z.number(),
  transcripts: z.array(z.object({ id: z.union([z.number(), z.string()]), created_at: instant, text: z.string(), user: z.enum(["user", "assistant", "robot", "agent-action"]) })),
  concatenated_transcript: z.string(),
  summary: z.string().nullable(),
  to: z.string(),
  from: z.string(),
  inbound: z.boolean(),
  created_at: instant,
  started_at: instant.nullable(),
  end_at: instant.nullable(),
  completed: z.boolean(),
  queue_status: z.string(),
  answered_by: z.string().nullable(),
  call_ended_by: z.string().nullable(),
  recording_url: z.string().nullable(),
  record: z.boolean(),
  price: z.number().nullable(),
  variables: z.record(z.string(), z.unknown()).nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  request_data: z.record(z.string(), z.unknown()).nullable(),
  batch_id: z.string().nullable(),
  transferred_to: z.string().nullable(),
  transferred_at: instant.nullable(),
  error_message: z.string().nullable(),
  analysis: z.unknown(),
  analysis_schema: z.unknown(),
  pathway_logs: z.unknown(),
  endpoint_url: z.string(),
  max_duration: z.number(),
  local_dialing: z.boolean(),
  c_id: z.string(),
});

const memoryCore = {
  id: z.string().regex(/^mem-/),
  org_id: z.string(),
  contact_id: z.string(),
  persona_id: z.string().nullable(),
  agent_number: z.string().nullable(),
  summary: z.string().nullable(),
  summary_updated_at: instant.nullable(),
  facts: z.record(z.string(), z.unknown()),
  created_at: instant,
  updated_at: instant,
};

export const blandMemory = z.object({
  ...memoryCore,
  recent_messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string(), channel: z.enum(["call", "sms"]), timestamp: instant })),
  open_items: z.array(
    z.object({
      type: z.string(),
      description: z.string(),
      created_at: instant,
      priority: z.string(),
      related_to: z.object({ entity_type: z.string(), entity_id: z.string() }),
    }),
  ),
  memory_history: z.array(z.unknown()),
  entities: z.array(z.unknown()),
});

export const blandMemoryResponse = z.strictObject({ data: blandMemory, errors: z.null() });

export const blandContact = z.object({
  id: z.string(),
  org_id: z.string(),
  name: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  created_at: instant,
  updated_at: instant,
  identifiers: z.array(z.object({ id: z.string(), contact_id: z.string(), identifier_type: z.string(), identifier_value: z.string(), is_primary: z.boolean() })),
  memories: z.array(
    z.object({
      ...memoryCore,
      entities: z.array(z.object({ entity_type: z.string(), entity_id: z.string(), facts: z.record(z.string(), z.unknown()), status: z.string(), last_discussed_at: instant, notes: z.string() })),
    }),
  ),
});

export const blandContacts = z.strictObject({
  data: z.array(blandContact),
  pagination: z.strictObject({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), has_more: z.boolean() }),
  errors: z.null(),
});

export const blandContactResponse = z.strictObject({ data: blandContact, errors: z.null() });

/** A persona as `GET /v1/personas` lists it (CONTRACTS §3.6); versions may be null where none exists. */
export const blandPersona = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  image_url: z.string().nullable(),
  created_at: instant,
  updated_at: instant,
  deleted_at: instant.nullable(),
  user_id: z.string(),
  current_production_version_id: z.string().nullable(),
  current_draft_version_id: z.string().nullable(),
  inbound_numbers: z.array(z.object({ phone_number: z.string(), label: z.string().nullable(), persona_id: z.string(), persona_settings: z.unknown() })),
  current_production_version: z.unknown(),
  current_draft_version: z.unknown(),
});

export const blandPersonas = z.strictObject({ data: z.array(blandPersona), errors: z.null() });

/** `{data: null, errors: [{error, message}]}`. */
export const blandError = z.strictObject({ data: z.null(), errors: z.array(z.strictObject({ error: z.string(), message: z.string() })).min(1) });
