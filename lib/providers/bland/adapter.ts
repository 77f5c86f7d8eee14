import "server-only";
import { createHttpClient } from "../http-client";
import { isProviderError } from "../provider-error";
import type { ProviderAdapter } from "../types";
import { AgentNumbers } from "./agent-numbers";
import { blandCapabilities } from "./capabilities";
import { callParties, findContactByNumber, memoriesOf, personaOf, pickContactMemory } from "./contact-memory";
import { mapBlandError, noContactMemoryError } from "./errors";
import { readBlandPeople } from "./people";
import {
  callDetailSchema,
  contactsResponseSchema,
  listCallsResponseSchema,
  memoryResponseSchema,
  updateSummaryRequestSchema,
  type BlandCall,
  type BlandCallListEntry,
  type BlandContact,
  type ContactMemory,
  type MemoryResponse,
} from "./schemas";
import { toAppliedOutcome, toCallDetail, toCallPage, toSummarySnapshot } from "./transform";
import { assertCallId, assertListQuery, assertSummaryContent } from "./validation";

export type BlandAdapterOptions = {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Waits between retries; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * The organisation's agent numbers (E.164). Optional: without them, each is learnt from the first call
   * read that uses it (see `AgentNumbers`).
   */
  agentNumbers?: readonly string[];
};

/** Bland's largest contacts page. */
const CONTACTS_PAGE_SIZE = 200;
/** Calls whose contact memory has been found, so a save after a read does not scan the contacts again. */
const MAX_REMEMBERED_CALLS = 5_000;

type Located = { contact: BlandContact | null; memory: ContactMemory | null };
type Remembered = { contact: BlandContact; memoryId: string };

export function createBlandAdapter(options: BlandAdapterOptions): ProviderAdapter {
  const http = createHttpClient({
    provider: "bland",
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    // The bare key, no scheme: Bland documents `authorization: <key>`.
    headers: { authorization: options.apiKey },
    mapError: mapBlandError,
    // Bland documents no rate limit: no pacing, and reads back off on 429 in the base client.
    fetch: options.fetch,
    sleep: options.sleep,
  });
  // A call's contact and memory never change, so where they were found is kept (bounded, oldest dropped first).
  const remembered = new Map<string, Remembered>();
  const agentNumbers = new AgentNumbers(options.agentNumbers);

  const callPath = (callId: string) => `/v1/calls/${encodeURIComponent(callId)}`;
  const memoryPath = (memoryId: string) => `/v1/memory/contact/${encodeURIComponent(memoryId)}`;

  function remember(callId: string, entry: Remembered): void {
    remembered.delete(callId);
    remembered.set(callId, entry);
    if (remembered.size > MAX_REMEMBERED_CALLS) remembered.delete(remembered.keys().next().value as string);
  }

  function forgetMemory(memoryId: string): void {
    for (const [callId, entry] of remembered) if (entry.memoryId === memoryId) remembered.delete(callId);
  }

  async function fetchCall(callId: string): Promise<BlandCall> {
    const call = await http.request({ method: "GET", path: callPath(callId), schema: callDetailSchema });
    agentNumbers.learn(call);
    return call;
  }

  /**
   * The list's calls with their direction filled in. A call whose numbers are not yet known as ours is
   * read in full once, which teaches the agent number it used; calls are taken in order, so the rest of
   * the page mostly profits from what the first ones taught.
   */
  async function withDirection(calls: readonly BlandCallListEntry[]): Promise<BlandCallListEntry[]> {
    const resolved: BlandCallListEntry[] = [];
    for (const call of calls) {
      let inbound = agentNumbers.inbound(call);
      if (inbound === null) inbound = (await fetchCall(call.call_id)).inbound ?? agentNumbers.inbound(call);
      // Nothing tells: outbound, which is what Bland's API dispatches.
      resolved.push({ ...call, inbound: inbound ?? false });
    }
    return resolved;
  }

  async function fetchMemory(memoryId: string): Promise<ContactMemory> {
    return unwrap(await http.request({ method: "GET", path: memoryPath(memoryId), schema: memoryResponseSchema }));
  }

  /** Bland's contacts cannot be searched by number: they are read a page at a time until one holds it. */
  async function findContact(phoneNumber: string): Promise<BlandContact | null> {
    for (let offset = 0; ; offset += CONTACTS_PAGE_SIZE) {
      const page = await http.request({
        method: "GET",
        path: "/v1/contacts",
        query: { limit: CONTACTS_PAGE_SIZE, offset },
        schema: contactsResponseSchema,
      });
      if (page.data === null) throw mapBlandError(200, page, new Headers());
      const contact = findContactByNumber(page.data, phoneNumber);
      if (contact) return contact;
      if (!page.pagination?.has_more || page.data.length === 0) return null;
    }
  }

  /** The contact and memory a call belongs to, by the rules in `contact-memory.ts`. */
  async function locate(callId: string, call: BlandCall): Promise<{ contact: BlandContact | null; memoryId: string | null }> {
    const { customer, agent } = callParties(call);
    const contact = customer ? await findContact(customer) : null;
    if (!contact) return { contact: null, memoryId: null };
    const memory = pickContactMemory(memoriesOf(contact), { personaId: personaOf(call), agentNumber: agent });
    if (memory) remember(callId, { contact, memoryId: memory.id });
    return { contact, memoryId: memory?.id ?? null };
  }

  async function readMemory(callId: string, call: BlandCall): Promise<Located> {
    const known = remembered.get(callId);
    if (known) {
      try {
        return { contact: known.contact, memory: await fetchMemory(known.memoryId) };
      } catch (error) {
        // A memory reset or deleted since: look again rather than report a stale miss.
        if (!(isProviderError(error) && error.kind === "not_found")) throw error;
        remembered.delete(callId);
      }
    }
    const { contact, memoryId } = await locate(callId, call);
    return { contact, memory: memoryId ? await fetchMemory(memoryId) : null };
  }

  return {
    id: "bland",
    capabilities: blandCapabilities,

    async listCalls(query) {
      assertListQuery(query);
      const from = (query.page - 1) * query.size;
      // `from` is inclusive and `to` exclusive ("from=150 and to=200 returns 50 results").
      const list = await http.request({
        method: "GET",
        path: "/v1/calls",
        query: { from, to: from + query.size, ascending: false, sort_by: "created_at" },
        schema: listCallsResponseSchema,
      });
      // Only the page's own calls are resolved: an answer holding more than asked is cut to the page.
      const calls = [...(await withDirection(list.calls.slice(0, query.size))), ...list.calls.slice(query.size)];
      return toCallPage({ ...list, calls }, query);
    },

    async getCall(callId) {
      assertCallId(callId);
      const call = await fetchCall(callId);
      const { contact, memory } = await readMemory(callId, call);
      return toCallDetail(call, contact, memory);
    },

    async summaryTarget(callId) {
      assertCallId(callId);
      const memoryId = remembered.get(callId)?.memoryId ?? (await locate(callId, await fetchCall(callId))).memoryId;
      if (!memoryId) throw noContactMemoryError();
      return { provider: "bland", id: memoryId, templateKey: null };
    },

    async getSummary(target) {
      return toSummarySnapshot(await fetchMemory(target.id));
    },

    async updateSummary(target, content) {
      assertSummaryContent(content);
      const body = updateSummaryRequestSchema.parse({ summary: content });
      try {
        const answer = await http.request({ method: "PATCH", path: `${memoryPath(target.id)}/summary`, body, schema: memoryResponseSchema });
        return toAppliedOutcome(unwrap(answer), content);
      } catch (error) {
        // A memory reset or deleted since it was found: the calls that led to it look again next time.
        if (isProviderError(error) && error.kind === "not_found") forgetMemory(target.id);
        throw error;
      }
    },

    people(request) {
      return readBlandPeople(http, request);
    },
  };
}

/** Bland may report a refusal inside a 2xx envelope: `{data: null, errors: [...]}`. */
function unwrap(answer: MemoryResponse): ContactMemory {
  if (answer.data === null) throw mapBlandError(200, answer, new Headers());
  return answer.data;
}
