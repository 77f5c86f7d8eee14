import type { HttpClient } from "../http-client";
import type { PeopleAnswer, PeopleRequest } from "../types";
import { normalizePhoneNumber } from "./contact-memory";
import { mapBlandError } from "./errors";
import { contactsResponseSchema, personasResponseSchema, type BlandContact } from "./schemas";

/** Bland's largest pages: 100 personas, 200 contacts. */
const PERSONAS_PAGE_SIZE = 100;
const CONTACTS_PAGE_SIZE = 200;

/** The keys asked about, by their normalised number: Bland writes numbers with and without a country code. */
function byNumber(keys: readonly string[]): Map<string, string[]> {
  const wanted = new Map<string, string[]>();
  for (const key of keys) {
    const number = normalizePhoneNumber(key);
    if (number !== null) wanted.set(number, [...(wanted.get(number) ?? []), key]);
  }
  return wanted;
}

/** Names the keys of `number` once: the first name met for a number stands. */
function namer(wanted: Map<string, string[]>, answer: Map<string, string | null>) {
  const found = new Set<string>();
  return {
    name(number: string | null, name: string | null | undefined): void {
      const trimmed = name?.trim();
      if (number === null || !trimmed || found.has(number) || !wanted.has(number)) return;
      found.add(number);
      for (const key of wanted.get(number) ?? []) answer.set(key, trimmed);
    },
    get done() {
      return found.size === wanted.size;
    },
  };
}

/**
 * Bland's agent is an AI on a phone number. Its documented name is the persona's: a persona is "a unified
 * AI agent" with a name, and the agent numbers attached to it are in its `inbound_numbers`. A number no
 * persona holds has no documented name. The other party is the contact holding the number (`GET
 * /v1/contacts`, which cannot be searched by number, so it is read a page at a time).
 */
export async function readBlandPeople(http: HttpClient, request: PeopleRequest): Promise<PeopleAnswer> {
  const agents = new Map<string, string | null>(request.agents.map((key) => [key, null]));
  const wantedAgents = byNumber(request.agents);
  const agentNames = namer(wantedAgents, agents);
  const seenPersonas = new Set<string>();
  for (let page = 1; wantedAgents.size > 0 && !agentNames.done; page++) {
    const answer = await http.request({ method: "GET", path: "/v1/personas", query: { page, limit: PERSONAS_PAGE_SIZE }, schema: personasResponseSchema });
    if (answer.data === null) throw mapBlandError(200, answer, new Headers());
    // The page documents no paging fields: a short page is the last, and one showing only personas already
    // seen means the page number is not being honoured.
    const fresh = answer.data.filter((persona) => !seenPersonas.has(persona.id));
    for (const persona of fresh) {
      seenPersonas.add(persona.id);
      if (persona.deleted_at) continue;
      for (const attached of persona.inbound_numbers ?? []) agentNames.name(normalizePhoneNumber(attached.phone_number), persona.name);
    }
    if (fresh.length === 0 || answer.data.length < PERSONAS_PAGE_SIZE) break;
  }

  const counterparts = new Map<string, string | null>(request.counterparts.map((key) => [key, null]));
  const wantedCounterparts = byNumber(request.counterparts);
  const counterpartNames = namer(wantedCounterparts, counterparts);
  for (let offset = 0; wantedCounterparts.size > 0 && !counterpartNames.done; offset += CONTACTS_PAGE_SIZE) {
    const page = await http.request({ method: "GET", path: "/v1/contacts", query: { limit: CONTACTS_PAGE_SIZE, offset }, schema: contactsResponseSchema });
    if (page.data === null) throw mapBlandError(200, page, new Headers());
    // Within a page a contact holding the number as its primary identifier names it first, as for memories.
    for (const primaryOnly of [true, false]) {
      for (const contact of page.data) for (const number of phoneNumbersOf(contact, primaryOnly)) counterpartNames.name(number, contact.name);
    }
    if (!page.pagination?.has_more || page.data.length === 0) break;
  }
  return { agents, counterparts };
}

function phoneNumbersOf(contact: BlandContact, primaryOnly: boolean): (string | null)[] {
  return (contact.identifiers ?? [])
    .filter((identifier) => identifier.identifier_type === "phone_number" && (!primaryOnly || identifier.is_primary))
    .map((identifier) => normalizePhoneNumber(identifier.identifier_value));
}
