import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blandKeyFor } from "@/emulator/bland/keys";
import type { BlandSection } from "@/emulator/data/sections/bland-section";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { blandCall, blandContactResponse, blandContacts, blandError, blandListCalls, blandMemoryResponse, blandPersonas } from "./support/bland-contract";
import { problems } from "./support/contract-problems";
import { http, type HttpResult } from "./support/http";
import { testDataOptions, testDocument } from "./support/test-data";

let emulator: RunningEmulator;
let bland: BlandSection;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, providers: ["bland"] });
  bland = testDocument().bland!;
});

beforeEach(async () => {
  expect((await fetch(`${emulator.url}/__emulator/reset`, { method: "POST" })).status).toBe(200);
});

afterAll(async () => {
  await emulator.close();
});

const url = (path: string) => `${emulator.url}/bland${path}`;
const get = (path: string, key: string | null = blandKeyFor("redline")) => http(url(path), { headers: key === null ? {} : { authorization: key } });
/** A raw string body is sent as is (for malformed JSON); anything else as JSON. */
const patchSummary = (memoryId: string, body: unknown, key = blandKeyFor("redline")) =>
  http(url(`/v1/memory/contact/${memoryId}/summary`), {
    method: "PATCH",
    headers: { authorization: key, "content-type": "application/json" },
    ...(typeof body === "string" ? { body } : { json: body }),
  });

const newestFirst = () => [...bland.calls].sort((a, b) => b.created_at.localeCompare(a.created_at) || (a.call_id < b.call_id ? -1 : 1));
const memories = () => bland.contacts.flatMap((contact) => contact.memories.map((memory) => ({ memory, contact })));

function expectBlandError(result: HttpResult, status: number, error: string) {
  expect(result.status, result.text).toBe(status);
  expect(problems(blandError, result.json)).toEqual([]);
  expect(result.body.errors[0].error).toBe(error);
}

describe("GET /v1/calls", () => {
  it("answers {count, calls} without an envelope, newest first", async () => {
    const result = await get("/v1/calls?limit=25");
    expect(problems(blandListCalls, result.json)).toEqual([]);
    expect(result.body.count).toBe(bland.calls.length);
    expect(result.body.calls.map((call: { call_id: string }) => call.call_id)).toEqual(newestFirst().slice(0, 25).map((call) => call.call_id));
  });

  it("pages with from and to indexes, and reads oldest first with ascending=true", async () => {
    const ids = newestFirst().map((call) => call.call_id);
    const page = await get("/v1/calls?from=10&to=15");
    expect(page.body.calls.map((call: { call_id: string }) => call.call_id)).toEqual(ids.slice(10, 15));
    const oldest = await get("/v1/calls?ascending=true&limit=3");
    expect(oldest.body.calls.map((call: { call_id: string }) => call.call_id)).toEqual([...ids].reverse().slice(0, 3));
  });

  it("filters by from_number and to_number", async () => {
    const call = bland.calls.find((entry) => entry.inbound)!;
    const result = await get(`/v1/calls?from_number=${encodeURIComponent(call.from)}&to_number=${encodeURIComponent(call.to)}`);
    const expected = bland.calls.filter((entry) => entry.from === call.from && entry.to === call.to);
    expect(result.body.count).toBe(expected.length);
    expect(new Set(result.body.calls.map((entry: { call_id: string }) => entry.call_id))).toEqual(new Set(expected.map((entry) => entry.call_id)));
  });

  it.each([["limit=0"], ["limit=1001"], ["from=-1"], ["to=x"], ["ascending=maybe"], ["sort_by=price"]])("answers 400 BAD_REQUEST to %s", async (query) => {
    expectBlandError(await get(`/v1/calls?${query}`), 400, "BAD_REQUEST");
  });

  it("answers 401 UNAUTHORIZED without a valid key, and nothing of Northwind's to another organisation", async () => {
    expectBlandError(await get("/v1/calls", null), 401, "UNAUTHORIZED");
    expectBlandError(await get("/v1/calls", `Bearer ${blandKeyFor("redline")}`), 401, "UNAUTHORIZED");
    expect((await get("/v1/calls", blandKeyFor("other-org"))).body).toEqual({ count: 0, calls: [] });
  });
});

describe("GET /v1/calls/{call_id}", () => {
  it("answers the call as a bare object with its transcript as lines and as one string", async () => {
    const call = bland.calls.find((entry) => entry.transferred_to !== null)!;
    const result = await get(`/v1/calls/${call.call_id}`);
    expect(problems(blandCall, result.json)).toEqual([]);
    const body = result.body;
    expect(body).toMatchObject({ call_id: call.call_id, summary: call.summary, inbound: call.inbound, from: call.from, to: call.to });
    expect(new Set(body.transcripts.map((line: { user: string }) => line.user))).toEqual(new Set(["user", "assistant", "agent-action"]));
    expect(body.concatenated_transcript.split(" \n ")).toHaveLength(body.transcripts.length);
    expect(body.concatenated_transcript.startsWith(`${body.transcripts[0].user}: ${body.transcripts[0].text}`)).toBe(true);
  });

  it("records the persona an outbound call was placed with in request_data", async () => {
    const call = bland.calls.find((entry) => entry.persona_id !== null)!;
    expect((await get(`/v1/calls/${call.call_id}`)).body.request_data.persona_id).toBe(call.persona_id);
  });

  it("answers 404 NOT_FOUND for an unknown call or another organisation's, 401 without a key", async () => {
    expectBlandError(await get("/v1/calls/00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    expectBlandError(await get(`/v1/calls/${bland.calls[0]!.call_id}`, blandKeyFor("other-org")), 404, "NOT_FOUND");
    expectBlandError(await get(`/v1/calls/${bland.calls[0]!.call_id}`, null), 401, "UNAUTHORIZED");
  });
});

describe("GET /v1/contacts", () => {
  it("pages contacts with their memories: limit (default 50) from offset, with pagination", async () => {
    const first = await get("/v1/contacts");
    expect(problems(blandContacts, first.json)).toEqual([]);
    expect(first.body.data).toHaveLength(Math.min(50, bland.contacts.length));
    expect(first.body.pagination).toEqual({ total: bland.contacts.length, limit: 50, offset: 0, has_more: bland.contacts.length > 50 });
    const last = await get(`/v1/contacts?limit=200&offset=${bland.contacts.length - 2}`);
    expect(last.body.data.map((contact: { id: string }) => contact.id)).toEqual(bland.contacts.slice(-2).map((contact) => contact.id));
    expect(last.body.pagination.has_more).toBe(false);
  });

  it.each([["limit=201"], ["limit=0"], ["offset=-3"]])("answers 400 BAD_REQUEST to %s", async (query) => {
    expectBlandError(await get(`/v1/contacts?${query}`), 400, "BAD_REQUEST");
  });

  it("answers one contact by id, and 404 NOT_FOUND for an unknown one", async () => {
    const contact = bland.contacts[0]!;
    const result = await get(`/v1/contacts/${contact.id}`);
    expect(problems(blandContactResponse, result.json)).toEqual([]);
    expect(result.body.data.identifiers[0].identifier_value).toBe(contact.identifiers[0]!.identifier_value);
    expectBlandError(await get("/v1/contacts/00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    expectBlandError(await get("/v1/contacts", null), 401, "UNAUTHORIZED");
  });
});

describe("GET /v1/personas", () => {
  it("lists the personas with their names and the agent numbers attached to each, page by page", async () => {
    const first = await get("/v1/personas?limit=2");
    const second = await get("/v1/personas?limit=2&page=2");
    for (const page of [first, second]) expect(problems(blandPersonas, page.json)).toEqual([]);
    const personas = [...first.body.data, ...second.body.data];
    expect(personas.map((persona: { name: string }) => persona.name)).toEqual(bland.personas.map((persona) => persona.name));
    const labels = new Map(bland.agent_numbers.map((entry) => [entry.number, entry.name]));
    for (const [index, persona] of bland.personas.entries()) {
      expect(personas[index].inbound_numbers).toEqual(
        persona.inbound_numbers.map((number) => ({ phone_number: number, label: labels.get(number), persona_id: persona.id, persona_settings: null })),
      );
    }
  });

  it("shows another organisation none, and answers 400 BAD_REQUEST to a limit past 100", async () => {
    expect((await get("/v1/personas", blandKeyFor("other-org"))).body.data).toEqual([]);
    expectBlandError(await get("/v1/personas?limit=101"), 400, "BAD_REQUEST");
    expectBlandError(await get("/v1/personas", null), 401, "UNAUTHORIZED");
  });
});

describe("contact memory", () => {
  it("GET /v1/memory/contact/{id} answers {data: ContactMemory, errors: null}", async () => {
    const { memory, contact } = memories()[0]!;
    const result = await get(`/v1/memory/contact/${memory.id}`);
    expect(problems(blandMemoryResponse, result.json)).toEqual([]);
    expect(result.body.data).toMatchObject({ id: memory.id, contact_id: contact.id, org_id: bland.org_id, summary: memory.summary });
    expectBlandError(await get("/v1/memory/contact/mem-00000000-0000-4000-8000-000000000000"), 404, "NOT_FOUND");
    expectBlandError(await get(`/v1/memory/contact/${memory.id}`, blandKeyFor("other-org")), 404, "NOT_FOUND");
    expectBlandError(await get(`/v1/memory/contact/${memory.id}`, null), 401, "UNAUTHORIZED");
  });

  it("PATCH …/summary replaces the summary and stamps summary_updated_at and updated_at", async () => {
    const { memory, contact } = memories().find((entry) => entry.memory.summary !== null)!;
    const before = Date.now();
    const result = await patchSummary(memory.id, { summary: "Prefers email. Asked about the Pro plan." }, blandKeyFor("colleague"));
    expect(problems(blandMemoryResponse, result.json)).toEqual([]);
    const data = result.body.data;
    expect(data.summary).toBe("Prefers email. Asked about the Pro plan.");
    expect(Date.parse(data.summary_updated_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(data.updated_at).toBe(data.summary_updated_at);
    expect(data.facts).toEqual(memory.facts);
    expect((await get(`/v1/memory/contact/${memory.id}`)).body.data.summary).toBe("Prefers email. Asked about the Pro plan.");
    const listed = (await get(`/v1/contacts/${contact.id}`)).body.data.memories.find((entry: { id: string }) => entry.id === memory.id);
    expect(listed.summary).toBe("Prefers email. Asked about the Pro plan.");
  });

  it("PATCH fills in a memory that had no summary yet; the last write wins", async () => {
    const { memory } = memories().find((entry) => entry.memory.summary === null)!;
    await patchSummary(memory.id, { summary: "First." });
    await patchSummary(memory.id, { summary: "Second." }, blandKeyFor("colleague"));
    expect((await get(`/v1/memory/contact/${memory.id}`)).body.data.summary).toBe("Second.");
  });

  it("PATCH without a summary answers Bland's documented 400", async () => {
    const { memory } = memories()[0]!;
    const result = await patchSummary(memory.id, {});
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ data: null, errors: [{ error: "BAD_REQUEST", message: "summary is required" }] });
    expectBlandError(await patchSummary(memory.id, { summary: 42 }), 400, "BAD_REQUEST");
    expectBlandError(await patchSummary(memory.id, "{not json"), 400, "BAD_REQUEST");
  });

  it("PATCH answers 404 NOT_FOUND for an unknown memory or another organisation's, 401 without a valid key", async () => {
    const { memory } = memories()[0]!;
    expectBlandError(await patchSummary("mem-00000000-0000-4000-8000-000000000000", { summary: "x" }), 404, "NOT_FOUND");
    expectBlandError(await patchSummary(memory.id, { summary: "x" }, blandKeyFor("other-org")), 404, "NOT_FOUND");
    expectBlandError(await patchSummary(memory.id, { summary: "x" }, "sk-nobody"), 401, "UNAUTHORIZED");
    expect((await get(`/v1/memory/contact/${memory.id}`)).body.data.summary).toBe(memory.summary);
  });
});

describe("routing", () => {
  it("answers an unknown path or method with 404 NOT_FOUND in the envelope", async () => {
    expectBlandError(await get("/v1/nothing"), 404, "NOT_FOUND");
    expectBlandError(await http(url(`/v1/calls/${bland.calls[0]!.call_id}`), { method: "PATCH", headers: { authorization: blandKeyFor("redline") }, json: {} }), 404, "NOT_FOUND");
  });
});
