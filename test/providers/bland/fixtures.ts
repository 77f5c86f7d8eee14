/** Bland payloads shaped like the examples on docs.bland.ai. */
import type { ProviderAdapter } from "@/lib/providers/types";

export const CALL_ID = "d9cce3f3-23cf-4fa7-b62c-8be8119b8715";
export const AGENT_NUMBER = "+17163511654";
export const CUSTOMER_NUMBER = "+12223334444";

export function listedCall(overrides: Record<string, unknown> = {}) {
  return {
    call_id: "c1234567-89ab-cdef-0123-456789abcdef",
    created_at: "2023-12-21T23:25:14.801193+00:00",
    call_length: 0.834,
    to: "5551234567",
    from: "+15557654321",
    completed: true,
    queue_status: "complete",
    error_message: null,
    answered_by: "human",
    batch_id: "b1234567-89ab-cdef-0123-gen-batch",
    ...overrides,
  };
}

export function blandCall(overrides: Record<string, unknown> = {}) {
  return {
    call_id: CALL_ID,
    call_length: 0.75,
    batch_id: null,
    to: CUSTOMER_NUMBER,
    from: AGENT_NUMBER,
    request_data: { phone_number: CUSTOMER_NUMBER, wait: true, language: "ENG" },
    completed: true,
    created_at: "2024-04-27T23:51:18.025251+00:00",
    inbound: false,
    queue_status: "completed",
    endpoint_url: "api.prod.bland.ai",
    max_duration: 30,
    error_message: null,
    variables: { city: "SAN FRANCISCO" },
    answered_by: "human",
    record: false,
    recording_url: null,
    c_id: CALL_ID,
    metadata: {},
    summary: "The call was a conversation between a hotel booking service assistant and a customer.",
    price: 0.068,
    started_at: "2024-04-27T23:51:25+00:00",
    local_dialing: false,
    call_ended_by: "ASSISTANT",
    pathway_logs: null,
    analysis_schema: null,
    analysis: null,
    concatenated_transcript: "user: Hello? \n assistant: Hi there!",
    transcripts: [
      { id: 1, created_at: "2024-04-27T23:51:26.1+00:00", text: "Hello?", user: "user" },
      { id: 2, created_at: "2024-04-27T23:51:27.2+00:00", text: "Hi there! This is the hotel booking line.", user: "assistant" },
      { id: 3, created_at: "2024-04-27T23:51:40.3+00:00", text: "Transferred to +14155550123", user: "agent-action" },
    ],
    ...overrides,
  };
}

export function memory(overrides: Record<string, unknown> = {}) {
  return {
    id: "mem-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    org_id: "11111111-2222-3333-4444-555555555555",
    contact_id: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    persona_id: null,
    agent_number: AGENT_NUMBER,
    summary: "Customer is a premium plan subscriber. Recently inquired about order #12345 which is in transit.",
    summary_updated_at: "2025-07-22T16:00:00.000Z",
    facts: { name: "John Doe" },
    recent_messages: [],
    created_at: "2025-07-20T10:30:00.000Z",
    updated_at: "2025-07-22T16:05:00.000Z",
    ...overrides,
  };
}

export function contact(overrides: Record<string, unknown> = {}) {
  return {
    id: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    org_id: "11111111-2222-3333-4444-555555555555",
    name: "John Doe",
    metadata: {},
    created_at: "2025-07-20T10:30:00.000Z",
    updated_at: "2025-07-22T16:00:00.000Z",
    identifiers: [
      { id: "id-1", contact_id: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", identifier_type: "phone_number", identifier_value: CUSTOMER_NUMBER, is_primary: true },
    ],
    memories: [
      { id: "mem-other-agent", persona_id: null, agent_number: "+19998887777", summary: "Another agent's view.", entities: [] },
      { id: "mem-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", persona_id: null, agent_number: AGENT_NUMBER, summary: "listed copy", entities: [] },
    ],
    ...overrides,
  };
}

export function contactsPage(contacts: unknown[], pagination: Record<string, unknown> = {}) {
  return { data: contacts, pagination: { total: contacts.length, limit: 200, offset: 0, has_more: false, ...pagination }, errors: null };
}

export function envelopeError(error: string, message: string) {
  return { data: null, errors: [{ error, message }] };
}

/** What a save does with Bland: find the contact memory the call feeds, then write it. */
export async function writeSummary(bland: ProviderAdapter, callId: string, content: string) {
  return bland.updateSummary(await bland.summaryTarget(callId, null), content);
}
