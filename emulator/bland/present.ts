import { renderTurns } from "../data/render-transcript";
import type { BlandContact, BlandSection, ContactMemory } from "../data/sections/bland-section";
import { isoInstant } from "../data/spoken-formats";
import type { BlandCallRecord } from "./store";

/** What `GET /v1/calls` lists per call. */
export function presentListedCall({ call }: BlandCallRecord) {
  return {
    call_id: call.call_id,
    created_at: call.created_at,
    call_length: call.call_length,
    to: call.to,
    from: call.from,
    completed: call.completed,
    queue_status: call.queue_status,
    error_message: call.error_message,
    answered_by: call.answered_by,
    batch_id: call.batch_id,
  };
}

type TranscriptLine = { id: number; created_at: string; text: string; user: "user" | "assistant" | "robot" | "agent-action" };

function transcriptOf(record: BlandCallRecord): TranscriptLine[] {
  const { call } = record;
  if (call.transcript === null) return [];
  const started = Date.parse(call.started_at ?? call.created_at);
  const outcome = call.answered_by === "voicemail" ? "voicemail" : call.transferred_to !== null ? "transferred" : "answered";
  const turns = renderTurns(call.transcript, {
    direction: call.inbound ? "inbound" : "outbound",
    outcome,
    durationSec: Math.round(call.call_length * 60),
  });
  const lines: TranscriptLine[] = turns.map((turn, index) => ({
    id: record.firstTranscriptId + index,
    created_at: isoInstant(started + Math.round(turn.start * 1000), true),
    text: turn.text,
    // `user` is the person called; `assistant` is Bland's agent.
    user: turn.speaker === "agent" ? "assistant" : "user",
  }));
  if (call.transferred_to !== null) {
    lines.push({
      id: record.firstTranscriptId + turns.length,
      created_at: call.transferred_at ?? isoInstant(started + call.call_length * 60_000, true),
      text: `Transferred call to ${call.transferred_to}`,
      user: "agent-action",
    });
  }
  return lines;
}

/** `GET /v1/calls/{call_id}`: a bare object, with the transcript both as lines and as one string. */
export function presentCall(record: BlandCallRecord) {
  const { call } = record;
  const transcripts = transcriptOf(record);
  return {
    call_id: call.call_id,
    c_id: call.call_id,
    call_length: call.call_length,
    batch_id: call.batch_id,
    to: call.to,
    from: call.from,
    inbound: call.inbound,
    request_data: {
      phone_number: call.inbound ? call.from : call.to,
      ...(call.persona_id === null ? {} : { persona_id: call.persona_id }),
      wait_for_greeting: false,
      record: call.recording_url !== null,
    },
    completed: call.completed,
    created_at: call.created_at,
    started_at: call.started_at,
    end_at: call.end_at,
    queue_status: call.queue_status,
    endpoint_url: "api.bland.ai",
    max_duration: 30,
    error_message: call.error_message,
    variables: {},
    answered_by: call.answered_by,
    record: call.recording_url !== null,
    recording_url: call.recording_url,
    metadata: {},
    summary: call.summary,
    price: call.price,
    local_dialing: false,
    call_ended_by: call.call_ended_by,
    pathway_logs: null,
    analysis_schema: null,
    analysis: null,
    transferred_to: call.transferred_to,
    transferred_at: call.transferred_at,
    concatenated_transcript: transcripts.map((line) => `${line.user}: ${line.text}`).join(" \n "),
    transcripts,
  };
}

/** A contact memory with the organisation and contact it belongs to. */
export function presentMemory(memory: ContactMemory, orgId: string, contactId: string) {
  return {
    id: memory.id,
    org_id: orgId,
    contact_id: contactId,
    persona_id: memory.persona_id,
    agent_number: memory.agent_number,
    summary: memory.summary,
    summary_updated_at: memory.summary_updated_at,
    facts: memory.facts,
    recent_messages: memory.recent_messages,
    open_items: memory.open_items,
    memory_history: memory.memory_history,
    entities: memory.entities,
    created_at: memory.created_at,
    updated_at: memory.updated_at,
  };
}

/** A contact with its identifiers and, as contact listings show them, its memories without their message log. */
export function presentContact(contact: BlandContact, orgId: string) {
  return {
    id: contact.id,
    org_id: orgId,
    name: contact.name,
    metadata: contact.metadata,
    created_at: contact.created_at,
    updated_at: contact.updated_at,
    identifiers: contact.identifiers.map((identifier) => ({ ...identifier, contact_id: contact.id })),
    memories: contact.memories.map((memory) => ({
      id: memory.id,
      org_id: orgId,
      contact_id: contact.id,
      persona_id: memory.persona_id,
      agent_number: memory.agent_number,
      summary: memory.summary,
      summary_updated_at: memory.summary_updated_at,
      facts: memory.facts,
      entities: memory.entities,
      created_at: memory.created_at,
      updated_at: memory.updated_at,
    })),
  };
}

/** The document keeps no dates or owner for personas: they were set up with the organisation. */
const PERSONAS_CREATED_AT = "2025-09-16T23:54:44.420Z";
const PERSONAS_OWNER = "8f14e45f-ceea-467f-a0e6-7b0c2a4b5d31";

/**
 * A persona as `GET /v1/personas` lists it, with the agent numbers attached to it. Versions are not
 * emulated: their ids and objects are null.
 */
export function presentPersona(persona: BlandSection["personas"][number], labels: ReadonlyMap<string, string>) {
  return {
    id: persona.id,
    name: persona.name,
    role: "Customer Support",
    description: `${persona.name}, Northwind's AI agent`,
    tags: [],
    image_url: null,
    created_at: PERSONAS_CREATED_AT,
    updated_at: PERSONAS_CREATED_AT,
    deleted_at: null,
    user_id: PERSONAS_OWNER,
    current_production_version_id: null,
    current_draft_version_id: null,
    inbound_numbers: persona.inbound_numbers.map((number) => ({
      phone_number: number,
      label: labels.get(number) ?? null,
      persona_id: persona.id,
      persona_settings: null,
    })),
    current_production_version: null,
    current_draft_version: null,
  };
}
