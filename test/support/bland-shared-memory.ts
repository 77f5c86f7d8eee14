import { generateFixture, type GenerateOptions } from "../../emulator/data/generate";
import type { BlandCall, BlandContact, ContactMemory } from "../../emulator/data/sections/bland-section";

export type SharedMemory = { memoryId: string; callIds: string[] };

/** The contact holding `phone`: one holding it as its primary phone number first, as Redline looks. */
function contactFor(contacts: readonly BlandContact[], phone: string): BlandContact | undefined {
  const holds = (contact: BlandContact, primaryOnly: boolean) =>
    contact.identifiers.some((entry) => entry.identifier_type === "phone_number" && entry.identifier_value === phone && (!primaryOnly || entry.is_primary));
  return contacts.find((contact) => holds(contact, true)) ?? contacts.find((contact) => holds(contact, false));
}

/**
 * The memory a call feeds, by Redline's rule (lib/providers/bland/contact-memory.ts), written out here
 * so tests do not check Redline against itself: a call with a persona uses the contact's memory for that
 * persona, any other the memory of the agent number; the most recently updated one when two fit.
 */
function memoryOf(call: BlandCall, contacts: readonly BlandContact[]): ContactMemory | undefined {
  const contact = contactFor(contacts, call.inbound ? call.from : call.to);
  if (contact === undefined) return undefined;
  const agentNumber = call.inbound ? call.to : call.from;
  const fits = (memory: ContactMemory) => (call.persona_id !== null ? memory.persona_id === call.persona_id : memory.agent_number === agentNumber);
  return contact.memories.filter(fits).sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
}

/**
 * Contact memories of a generated data set that at least two completed calls feed, with those calls
 * (newest first, as Bland lists them): saving a summary for any of them writes the same memory.
 */
export function blandCallsSharingMemory(options: GenerateOptions): SharedMemory[] {
  const section = generateFixture({ ...options, providers: ["bland"] }).bland;
  if (section === undefined) return [];
  const byMemory = new Map<string, string[]>();
  for (const call of section.calls) {
    if (!call.completed) continue;
    const memory = memoryOf(call, section.contacts);
    if (memory === undefined) continue;
    const callIds = byMemory.get(memory.id);
    if (callIds === undefined) byMemory.set(memory.id, [call.call_id]);
    else callIds.push(call.call_id);
  }
  return [...byMemory].filter(([, callIds]) => callIds.length >= 2).map(([memoryId, callIds]) => ({ memoryId, callIds }));
}
