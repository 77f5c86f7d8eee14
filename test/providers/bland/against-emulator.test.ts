import { describe, expect, it } from "vitest";
import { blandKeyFor } from "@/emulator/bland/keys";
import { generateFixture } from "@/emulator/data/generate";
import type { BlandCall, BlandContact, ContactMemory } from "@/emulator/data/sections/bland-section";
import { createBlandAdapter, type BlandAdapterOptions } from "@/lib/providers/bland/adapter";
import { mapBlandError } from "@/lib/providers/bland/errors";
import type { ProviderAdapter } from "@/lib/providers/types";
import { writeSummary } from "./fixtures";
import { emulatorForFile, expectNewestFirst, faultsRemaining, raw, recordedAdapter, rejection, setFaults, unreadableAnswers } from "../emulator-harness";

// Enough calls for more contacts than one page of Bland's contact list holds (200).
const dataOptions = { seed: 9, calls: 700, now: new Date("2026-05-12T15:00:00Z") };
const document = generateFixture({ ...dataOptions, providers: ["bland"] });
const section = document.bland!;

const customerOf = (call: BlandCall) => (call.inbound ? call.from : call.to);
const contactOf = (call: BlandCall): BlandContact =>
  section.contacts.find((contact) => contact.identifiers.some((identifier) => identifier.is_primary && identifier.identifier_value === customerOf(call)))!;
const memoryOf = (call: BlandCall): ContactMemory | undefined =>
  contactOf(call).memories.find((memory) => (call.inbound ? memory.agent_number === call.to : memory.persona_id === call.persona_id));

/** The contact memory a call feeds, as a summary target. */
const memoryTarget = (call: BlandCall) => ({ provider: "bland" as const, id: memoryOf(call)!.id, templateKey: null });

const newestFirst = [...section.calls].sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.call_id < b.call_id ? -1 : 1));
const inboundCall = newestFirst.find((call) => call.inbound && memoryOf(call)?.summary)!;
const outboundCall = newestFirst.find((call) => !call.inbound && memoryOf(call)?.summary)!;
const laterPageCall = newestFirst.find((call) => section.contacts.indexOf(contactOf(call)) >= 200 && memoryOf(call)?.summary)!;
// A call whose customer's memory for its agent number is taken out of the data served: Bland has none for it.
const memoryless = newestFirst.find((call) => call.inbound && call !== inboundCall && memoryOf(call) && memoryOf(call)!.id !== memoryOf(inboundCall)!.id)!;
const servedDocument = structuredClone(document);
{
  const contact = servedDocument.bland!.contacts.find((entry) => entry.id === contactOf(memoryless).id)!;
  contact.memories = contact.memories.filter((memory) => memory.id !== memoryOf(memoryless)!.id);
}
const UNKNOWN_CALL = "00000000-0000-4000-8000-000000000000";

const emulator = emulatorForFile({ fixture: servedDocument, rateLimits: false });

/** The adapter as Redline builds it (no agent numbers configured: it learns them), waits recorded. */
function bland(overrides: Partial<BlandAdapterOptions> = {}) {
  const setup = emulator.setup().providers.bland!;
  return recordedAdapter(createBlandAdapter, { apiKey: setup.apiKey, baseUrl: setup.baseUrl, ...overrides });
}

describe("Bland adapter against the emulator: success paths", () => {
  it("lists every call, newest first, with totals and each call's direction and parties", async () => {
    const adapter = bland();
    const listed = [];
    for (let page = 1; ; page++) {
      const result = await adapter.listCalls({ page, size: 40 });
      expect(result.totalCount).toBe(section.calls.length);
      listed.push(...result.items);
      if (!result.hasMore) break;
    }
    expect(listed.map((item) => item.ref.callId)).toEqual(newestFirst.map((call) => call.call_id));
    expectNewestFirst(listed.map((item) => item.startedAt));

    const byId = new Map(section.calls.map((call) => [call.call_id, call]));
    for (const item of listed) {
      const call = byId.get(item.ref.callId)!;
      expect(item.ref.provider).toBe("bland");
      expect(item.startedAt).toBe(new Date(call.created_at).toISOString());
      expect(item.direction).toBe(call.inbound ? "inbound" : "outbound");
      expect(item.agent).toEqual({ id: call.inbound ? call.to : call.from, name: null });
      expect(item.counterpart).toEqual({ name: null, number: customerOf(call) });
      expect(item.durationSec).toBe(Math.round(call.call_length * 60));
    }
    // Bland's list does not say which way a call went: one detail per agent number met taught the adapter.
    const details = adapter.fetch.exchanges.filter((exchange) => /\/v1\/calls\/[^/?]+$/.test(new URL(exchange.url).pathname));
    expect(details.length).toBeLessThanOrEqual(section.agent_numbers.length);
  });

  it("lists with no detail read at all when the agent numbers are configured", async () => {
    const adapter = bland({ agentNumbers: section.agent_numbers.map((entry) => entry.number) });
    const page = await adapter.listCalls({ page: 1, size: 100 });
    expect(page.items.map((item) => item.direction)).toEqual(newestFirst.slice(0, 100).map((call) => (call.inbound ? "inbound" : "outbound")));
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it.each([
    ["an inbound call", () => inboundCall],
    ["an outbound call placed with a persona", () => outboundCall],
  ])("reads %s with its transcript and its contact memory's summary", async (_, pick) => {
    const call = pick();
    const detail = await bland().getCall(call.call_id);
    const memory = memoryOf(call)!;
    expect(detail.ref).toEqual({ provider: "bland", callId: call.call_id });
    expect(detail.direction).toBe(call.inbound ? "inbound" : "outbound");
    expect(detail.counterpart).toEqual({ name: contactOf(call).name, number: customerOf(call) });
    expect(detail.transcript.length).toBeGreaterThan(1);
    expect(new Set(detail.transcript.map((turn) => turn.speaker))).toEqual(new Set(["agent", "customer"]));
    expect(detail.summaryStatus).toBe("ready");
    expect(detail.summary).toEqual({
      templateKey: null,
      content: memory.summary,
      version: null,
      updatedAt: new Date(memory.summary_updated_at ?? memory.updated_at).toISOString(),
      updatedBy: null,
    });
  });

  it("finds a contact on a later page of Bland's contacts", async () => {
    const adapter = bland();
    const detail = await adapter.getCall(laterPageCall.call_id);
    expect(detail.summary.content).toBe(memoryOf(laterPageCall)!.summary);
    const offsets = adapter.fetch.exchanges
      .map((exchange) => new URL(exchange.url))
      .filter((url) => url.pathname.endsWith("/v1/contacts"))
      .map((url) => url.searchParams.get("offset"));
    expect(offsets).toEqual(["0", "200"]);
  });

  it("reads a call without a contact memory as having no summary, and refuses to save one", async () => {
    const adapter = bland();
    const detail = await adapter.getCall(memoryless.call_id);
    expect(detail.summaryStatus).toBe("absent");
    expect(detail.summary).toMatchObject({ content: null, updatedAt: null });
    expect(detail.counterpart.name).toBe(contactOf(memoryless).name);

    const error = await rejection(writeSummary(adapter, memoryless.call_id, "x"));
    expect(error).toMatchObject({ provider: "bland", kind: "not_found", code: "NO_CONTACT_MEMORY", status: null });
    expect(adapter.fetch.exchanges.some((exchange) => exchange.method === "PATCH")).toBe(false);
  });

  it("applies a summary update to the call's contact memory, and reads it back", async () => {
    const adapter = bland();
    const before = await adapter.getCall(inboundCall.call_id);
    const outcome = await writeSummary(adapter, inboundCall.call_id, "Corrected rolling summary.");
    expect(outcome).toMatchObject({ status: "applied", content: "Corrected rolling summary.", version: null, updatedBy: null });
    expect(outcome.status === "applied" && outcome.updatedAt! > before.summary.updatedAt!).toBe(true);
    const patch = adapter.fetch.exchanges.find((exchange) => exchange.method === "PATCH")!;
    expect(new URL(patch.url).pathname).toBe(`/bland/v1/memory/contact/${memoryOf(inboundCall)!.id}/summary`);

    const after = await bland().getCall(inboundCall.call_id);
    expect(after.summary).toMatchObject({ content: "Corrected rolling summary.", updatedAt: outcome.status === "applied" ? outcome.updatedAt : null });
  });
});

describe("Bland adapter against the emulator: documented errors", () => {
  it("maps an unknown key to unauthorized on every endpoint, with no request id (Bland has none)", async () => {
    const adapter = bland({ apiKey: "sk-nobody-00000000000000000000000000000000" });
    for (const operation of [
      () => adapter.listCalls({ page: 1, size: 10 }),
      () => adapter.getCall(inboundCall.call_id),
      () => writeSummary(adapter, inboundCall.call_id, "x"),
    ]) {
      const error = await rejection(operation());
      expect(error).toMatchObject({ provider: "bland", kind: "unauthorized", status: 401, code: "UNAUTHORIZED", retryable: false, requestId: null });
    }
  });

  it("maps an unknown call to not_found", async () => {
    const error = await rejection(bland().getCall(UNKNOWN_CALL));
    expect(error).toMatchObject({ kind: "not_found", status: 404, code: "NOT_FOUND" });
  });

  it("sees none of the organisation's calls with another organisation's key", async () => {
    const adapter = bland({ apiKey: blandKeyFor("other-org") });
    expect(await adapter.listCalls({ page: 1, size: 10 })).toMatchObject({ items: [], totalCount: 0, hasMore: false });
    expect(await rejection(adapter.getCall(inboundCall.call_id))).toMatchObject({ kind: "not_found", status: 404, code: "NOT_FOUND" });
  });

  it("refuses an empty summary before sending, as Bland refuses a missing one", async () => {
    const adapter = bland();
    const refused = await rejection(adapter.updateSummary(memoryTarget(inboundCall), ""));
    expect(refused).toMatchObject({ kind: "invalid", status: null, code: "BAD_REQUEST" });
    expect(adapter.fetch.exchanges).toEqual([]);

    const setup = emulator.setup().providers.bland!;
    for (const body of [{}, { summary: "" }]) {
      const answer = await raw(`${setup.baseUrl}/v1/memory/contact/${memoryOf(inboundCall)!.id}/summary`, {
        method: "PATCH",
        headers: { authorization: setup.apiKey },
        json: body,
      });
      expect(answer.body).toEqual({ data: null, errors: [{ error: "BAD_REQUEST", message: "summary is required" }] });
      expect(mapBlandError(answer.status, answer.body, answer.headers)).toMatchObject({
        kind: "invalid",
        status: 400,
        code: "BAD_REQUEST",
        message: "summary is required",
      });
    }
    // Nothing was written.
    expect((await bland().getCall(inboundCall.call_id)).summary.content).toBe(memoryOf(inboundCall)!.summary);
  });

  it("refuses a summary over Redline's 10,000 characters for Bland before sending (Bland documents no limit)", async () => {
    const adapter = bland();
    const refused = await rejection(adapter.updateSummary(memoryTarget(inboundCall), "a".repeat(10_001)));
    expect(refused).toMatchObject({ kind: "invalid", status: null, code: "SUMMARY_TOO_LONG" });
    expect(adapter.fetch.exchanges).toEqual([]);
  });

  it("maps a memory Bland no longer has to not_found on a summary update", async () => {
    const setup = emulator.setup().providers.bland!;
    const answer = await raw(`${setup.baseUrl}/v1/memory/contact/mem-00000000-0000-4000-8000-000000000000/summary`, {
      method: "PATCH",
      headers: { authorization: setup.apiKey },
      json: { summary: "x" },
    });
    expect(mapBlandError(answer.status, answer.body, answer.headers)).toMatchObject({ kind: "not_found", status: 404, code: "NOT_FOUND" });
  });
});

describe("Bland adapter against the emulator: faults", () => {
  // Agent numbers configured: each operation then makes only the requests the fault is aimed at.
  const configured = (overrides: Partial<BlandAdapterOptions> = {}) => bland({ agentNumbers: section.agent_numbers.map((entry) => entry.number), ...overrides });
  const read = (adapter: ProviderAdapter) => adapter.getCall(inboundCall.call_id);
  const operations = {
    listCalls: (adapter: ProviderAdapter) => adapter.listCalls({ page: 1, size: 20 }),
    getCall: read,
    listContacts: read,
    getMemory: read,
    updateMemorySummary: (adapter: ProviderAdapter) => writeSummary(adapter, inboundCall.call_id, "Edited through a fault."),
  } as const;
  const reads = ["listCalls", "getCall", "listContacts", "getMemory"] as const;
  const all = [...reads, "updateMemorySummary"] as const;

  it.each(reads)("retries a read (%s) after a 429", async (endpoint) => {
    await setFaults(emulator, `bland.${endpoint}:status=429,count=1`);
    const adapter = configured();
    await expect(operations[endpoint](adapter)).resolves.toBeTruthy();
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.status === 429)).toHaveLength(1);
    expect(adapter.sleep.waits).toHaveLength(1);
    expect(await faultsRemaining(emulator)).toEqual([0]);
  });

  it.each(reads)("gives up on a read (%s) after four 503s", async (endpoint) => {
    await setFaults(emulator, `bland.${endpoint}:status=503,count=4`);
    const error = await rejection(operations[endpoint](configured()));
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: "SERVICE_UNAVAILABLE", retryable: true, outcomeUnknown: false });
  });

  it.each(all)("maps a 500 on %s to unavailable, without retrying it", async (endpoint) => {
    await setFaults(emulator, `bland.${endpoint}:status=500,count=1`);
    const adapter = configured();
    const error = await rejection(operations[endpoint](adapter));
    expect(error).toMatchObject({ kind: "unavailable", status: 500, code: "INTERNAL_SERVER_ERROR", retryable: true, outcomeUnknown: endpoint === "updateMemorySummary" });
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.status === 500)).toHaveLength(1);
    expect(adapter.fetch.exchanges.at(-1)!.status).toBe(500);
  });

  it("does not retry a summary update after a 429", async () => {
    const adapter = configured();
    await adapter.getCall(inboundCall.call_id);
    await setFaults(emulator, "bland.updateMemorySummary:status=429,count=1");
    adapter.fetch.reset();
    const error = await rejection(operations.updateMemorySummary(adapter));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "TOO_MANY_REQUESTS", retryable: true, outcomeUnknown: false });
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it("does not retry a summary update after a 503, whose outcome it cannot know", async () => {
    await setFaults(emulator, "bland.updateMemorySummary:status=503,count=1");
    const adapter = configured();
    const error = await rejection(operations.updateMemorySummary(adapter));
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: "SERVICE_UNAVAILABLE", outcomeUnknown: true });
    expect(adapter.fetch.exchanges.filter((exchange) => exchange.method === "PATCH")).toHaveLength(1);
  });

  it.each(all)("maps a reset connection on %s to unavailable", async (endpoint) => {
    await setFaults(emulator, `bland.${endpoint}:reset,count=1`);
    const error = await rejection(operations[endpoint](configured()));
    expect(error).toMatchObject({ kind: "unavailable", status: null, code: "NETWORK_ERROR", outcomeUnknown: endpoint === "updateMemorySummary" });
  });

  it.each(all)("times out on %s when Bland never answers", async (endpoint) => {
    await setFaults(emulator, `bland.${endpoint}:hang,count=1`);
    const error = await rejection(operations[endpoint](configured({ timeoutMs: 300 })));
    expect(error).toMatchObject({ kind: "timeout", status: null, code: "TIMEOUT", outcomeUnknown: endpoint === "updateMemorySummary" });
  });

  it.each(unreadableAnswers(all))("reads a %s answer that is %s as a contract failure", async (endpoint, mode) => {
    await setFaults(emulator, `bland.${endpoint}:${mode},count=1`);
    const error = await rejection(operations[endpoint](configured()));
    expect(error).toMatchObject({ kind: "contract", status: 200, code: "INVALID_RESPONSE", outcomeUnknown: endpoint === "updateMemorySummary" });
  });

  it("reports a summary update whose answer never came as of unknown outcome, though it was applied", async () => {
    await setFaults(emulator, "bland.updateMemorySummary:apply-then-hang,count=1");
    const error = await rejection(writeSummary(bland({ timeoutMs: 300 }), inboundCall.call_id, "Applied, unanswered."));
    expect(error).toMatchObject({ kind: "timeout", code: "TIMEOUT", outcomeUnknown: true });
    expect((await bland().getCall(inboundCall.call_id)).summary.content).toBe("Applied, unanswered.");
  });
});
