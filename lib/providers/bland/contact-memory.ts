import type { BlandCall, BlandCallListEntry, BlandContact, ContactMemory } from "./schemas";

/**
 * Digits only, with North America's 1 added to a ten-digit number: Bland shows some numbers without a
 * country code (`5551234567`) and dials such a number as +1, while contacts hold E.164.
 */
export function normalizePhoneNumber(value: string | null | undefined): string | null {
  const digits = (value ?? "").replace(/\D/g, "");
  if (digits === "") return null;
  return digits.length === 10 ? `1${digits}` : digits;
}

/**
 * Which end of the call is whom. `to` answered and `from` dialled, so on an inbound call the customer is
 * `from` and our agent's number `to`, and the other way round on an outbound one. A call without `inbound`
 * is taken as outbound, which is what Bland's API dispatches; listed calls have it filled in by the
 * adapter (see `AgentNumbers`), since Bland's list leaves it out.
 */
export function callParties(call: BlandCallListEntry): { customer: string | null; agent: string | null } {
  return call.inbound ? { customer: call.from ?? null, agent: call.to ?? null } : { customer: call.to ?? null, agent: call.from ?? null };
}

/** The persona a call was placed with, where Bland records one. */
export function personaOf(call: BlandCall): string | null {
  return call.persona_id ?? call.request_data?.persona_id ?? null;
}

/** The contact Bland keeps for a phone number: the first (in Bland's order) holding it as a phone identifier. */
export function findContactByNumber(contacts: readonly BlandContact[], phoneNumber: string): BlandContact | null {
  const wanted = normalizePhoneNumber(phoneNumber);
  if (wanted === null) return null;
  const holds = (contact: BlandContact) =>
    (contact.identifiers ?? []).some(
      (identifier) => identifier.identifier_type === "phone_number" && normalizePhoneNumber(identifier.identifier_value) === wanted,
    );
  // Within a page, a contact holding the number as its primary identifier wins over one that merely lists it.
  const primary = contacts.find(
    (contact) =>
      holds(contact) &&
      (contact.identifiers ?? []).some((identifier) => identifier.is_primary && normalizePhoneNumber(identifier.identifier_value) === wanted),
  );
  return primary ?? contacts.find(holds) ?? null;
}

export function memoriesOf(contact: BlandContact): ContactMemory[] {
  return [...(contact.memories ?? []), ...(contact.contact_memories ?? [])];
}

/**
 * The contact memory a call fed. Bland scopes memory to a contact and either a persona or an agent number:
 * 1. a call placed with a persona uses that persona's memory (and only that one);
 * 2. a call without a persona uses the memory of the agent number it was made on or answered by.
 * No other memory is taken as a stand-in: writing a correction into another agent's memory would mislead
 * that agent. When two memories fit, the most recently updated one is taken.
 */
export function pickContactMemory(
  memories: readonly ContactMemory[],
  call: { personaId: string | null; agentNumber: string | null },
): ContactMemory | null {
  const newest = (candidates: ContactMemory[]) =>
    candidates.sort((a, b) => (b.updated_at ?? "").localeCompare(a.updated_at ?? ""))[0] ?? null;

  if (call.personaId !== null) return newest(memories.filter((memory) => memory.persona_id === call.personaId));
  const agent = normalizePhoneNumber(call.agentNumber);
  if (agent === null) return null;
  return newest(memories.filter((memory) => normalizePhoneNumber(memory.agent_number) === agent));
}
