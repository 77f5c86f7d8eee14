import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlloSection, CallItem } from "@/emulator/data/sections/allo-section";
import type { ScenarioId } from "@/emulator/data/transcript-source";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { AlloTestClient } from "./support/allo-client";
import { AlloContract, operations } from "./support/allo-contract";
import { recipeOf, representativeItems, testDataOptions, testFixture } from "./support/test-data";

let emulator: RunningEmulator;
let allo: AlloTestClient;
let fixture: AlloSection;
const contract = new AlloContract();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, rateLimits: false });
  allo = AlloTestClient.as(emulator.url, "redline");
  fixture = testFixture();
});

afterAll(async () => {
  await emulator.close();
});

async function getOk(id: string, extend?: string) {
  const result = await allo.getItem(id, extend);
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  expect(contract.problems(operations.getItem, 200, result.json)).toEqual([]);
  return result.body.data;
}

async function expectGetError(id: string, extend: string | undefined, status: number, code: string) {
  const result = await allo.getItem(id, extend);
  expect(result.status).toBe(status);
  expect(result.error.code).toBe(code);
  expect(contract.problems(operations.getItem, status, result.json)).toEqual([]);
  return result.error;
}

/** The detail that names what a call was about; every scenario says it in the call and in its summary. */
const keyFact: Record<ScenarioId, string> = {
  billing_dispute: "invoice",
  pricing_question: "plan",
  appointment_reschedule: "work_order",
  cancellation: "account",
  technical_support: "device",
  order_status: "order",
};

describe("GET /v2/api/conversations/items/{id}", () => {
  it("returns the call as it appears in the listing", async () => {
    const listed = await allo.search({ type: "CALL", size: 5 });
    for (const item of listed.body.data) {
      expect(await getOk(item.id)).toEqual(item);
    }
  });

  it("shows the summary of a call, and null while none is available", async () => {
    const { classicOnly, shortOnly, noSummary } = representativeItems(fixture);
    expect((await getOk(classicOnly.id)).summary).toBe(classicOnly.summaries[0]!.content);
    expect((await getOk(shortOnly.id)).summary).toBe(shortOnly.summaries[0]!.content);
    expect((await getOk(noSummary.id)).summary).toBeNull();
  });

  it("shows MARKDOWN_CLASSIC for a call with both templates until one is edited", async () => {
    const { bothTemplates } = representativeItems(fixture);
    const classic = bothTemplates.summaries.find((summary) => summary.template_key === "MARKDOWN_CLASSIC")!;
    expect((await getOk(bothTemplates.id)).summary).toBe(classic.content);
    expect(classic.content).toMatch(/^## Summary\n/);
  });

  it("includes the transcript only with extend=transcript", async () => {
    const { classicOnly } = representativeItems(fixture);
    expect((await getOk(classicOnly.id)).transcript).toBeNull();
    expect((await getOk(classicOnly.id, "")).transcript).toBeNull();
    const transcript = (await getOk(classicOnly.id, "transcript")).transcript!;
    expect(transcript).toHaveLength(recipeOf(classicOnly).turns);
    expect(transcript.every((turn) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(turn.time))).toBe(true);
    // Rendering is deterministic: asking again gives the same conversation.
    expect((await getOk(classicOnly.id, "transcript")).transcript).toEqual(transcript);
  });

  it("tells the same story in the transcript and the summary", async () => {
    const summarised = fixture.items.filter(
      (item): item is CallItem => item.type === "CALL" && item.summaries.length > 0 && item.result !== "VOICEMAIL",
    );
    for (const call of summarised.slice(0, 40)) {
      const item = await getOk(call.id, "transcript");
      const detail = recipeOf(call).facts[keyFact[recipeOf(call).scenario]]!;
      const spoken = item.transcript!.map((turn) => turn.text).join("\n");
      expect(spoken, call.id).toContain(detail);
      expect(item.summary, call.id).toContain(detail);
    }
  });

  it("returns an SMS by its msg- id, without transcript even when asked", async () => {
    const { sms } = representativeItems(fixture);
    const item = await getOk(sms.id, "transcript");
    expect(item).toMatchObject({
      id: sms.id,
      type: "SMS",
      content: sms.content,
      status: sms.status,
      message_type: sms.message_type,
      summary: null,
      transcript: null,
      duration: null,
      result: null,
    });
  });

  it("lists the matching contact, or none for an unknown number", async () => {
    const known = fixture.items.find((item) => item.contact_id !== null)!;
    const contact = fixture.contacts.find((candidate) => candidate.id === known.contact_id)!;
    expect((await getOk(known.id)).contacts).toEqual([
      { id: contact.id, name: contact.name, company: contact.company, deals: contact.deals },
    ]);
    const unknown = fixture.items.find((item) => item.contact_id === null)!;
    expect((await getOk(unknown.id)).contacts).toEqual([]);
  });

  it.each([["abc-123"], ["cll_abc123"], ["call_abc123"], ["CLL-abc123"]])("rejects the id %s with INVALID_ITEM_ID", async (id) => {
    const error = await expectGetError(id, undefined, 400, "INVALID_ITEM_ID");
    expect(error).toMatchObject({ type: "validation_error", param: "id" });
  });

  it("answers 404 CONVERSATION_ITEM_NOT_FOUND for an unknown call or message", async () => {
    const error = await expectGetError("cll-zzzzzzzzzz", undefined, 404, "CONVERSATION_ITEM_NOT_FOUND");
    expect(error).toMatchObject({ type: "not_found_error", retryable: false });
    expect(error.message).toContain("cll-zzzzzzzzzz");
    await expectGetError("msg-zzzzzzzzzz", undefined, 404, "CONVERSATION_ITEM_NOT_FOUND");
  });

  it.each([["recording"], ["transcript,contacts"]])("rejects extend=%s with UNSUPPORTED_EXTEND_VALUE", async (extend) => {
    const { classicOnly } = representativeItems(fixture);
    const error = await expectGetError(classicOnly.id, extend, 400, "UNSUPPORTED_EXTEND_VALUE");
    expect(error.param).toBe("extend");
  });
});

describe("routing", () => {
  it("answers 405 METHOD_NOT_ALLOWED with Allow for a known path", async () => {
    const { classicOnly } = representativeItems(fixture);
    const result = await allo.request("DELETE", `/v2/api/conversations/items/${classicOnly.id}`);
    expect(result.status).toBe(405);
    expect(result.headers.get("allow")).toBe("GET");
    expect(result.error.code).toBe("METHOD_NOT_ALLOWED");
    expect(contract.problems(operations.getItem, 405, result.json)).toEqual([]);
  });

  it("answers 404 ENDPOINT_NOT_FOUND for an unknown path", async () => {
    const result = await allo.request("GET", "/v2/api/calls");
    expect(result.status).toBe(404);
    expect(result.error).toMatchObject({ code: "ENDPOINT_NOT_FOUND", type: "not_found_error" });
    expect(result.headers.get("x-ratelimit-limit")).toBe("20");
  });
});
