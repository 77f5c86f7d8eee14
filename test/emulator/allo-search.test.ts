import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationItem } from "@/emulator/allo/conversation-item";
import type { AlloSection, CallItem } from "@/emulator/data/sections/allo-section";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { AlloTestClient } from "./support/allo-client";
import { AlloContract, operations } from "./support/allo-contract";
import { recipeOf, testDataOptions, testFixture } from "./support/test-data";

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

async function searchOk(request: unknown) {
  const result = await allo.search(request);
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  expect(contract.problems(operations.search, 200, result.json)).toEqual([]);
  return result.body;
}

async function searchAll(request: Record<string, unknown>): Promise<ConversationItem[]> {
  const items: ConversationItem[] = [];
  for (let page = 1; ; page++) {
    const body = await searchOk({ ...request, page, size: 100 });
    items.push(...body.data);
    if (!body.pagination.has_more) return items;
  }
}

async function expectSearchError(request: unknown, status: number, code: string) {
  const result = await allo.search(request);
  expect(result.status).toBe(status);
  expect(result.error.code).toBe(code);
  expect(contract.problems(operations.search, status, result.json)).toEqual([]);
  return result.error;
}

const calls = () => fixture.items.filter((item): item is CallItem => item.type === "CALL");

/** What Allo searches: the transcript as returned, every summary template, SMS content. */
function searchableText(item: ConversationItem): string {
  const transcript = (item.transcript ?? []).map((turn) => turn.text).join(" ");
  const stored = fixture.items.find((candidate) => candidate.id === item.id);
  const summaries = stored?.type === "CALL" ? stored.summaries.map((summary) => summary.content).join(" ") : "";
  return `${transcript} ${summaries} ${item.content ?? ""}`.toLowerCase();
}

const hasWordStartingWith = (text: string, term: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(text);

describe("POST /v2/api/conversations/items/search", () => {
  it("lists calls and messages newest first, 20 to a page, without transcripts", async () => {
    const body = await searchOk({});
    expect(body.pagination).toEqual({
      page: 1,
      size: 20,
      total_count: fixture.items.length,
      total_pages: Math.ceil(fixture.items.length / 20),
      has_more: true,
    });
    expect(body.data.map((item) => item.id)).toEqual(fixture.items.slice(0, 20).map((item) => item.id));
    expect(body.data.every((item) => item.transcript === null)).toBe(true);
  });

  it("accepts an empty body sent without a Content-Type", async () => {
    const result = await allo.request<{ pagination: { total_count: number } }>("POST", "/v2/api/conversations/items/search");
    expect(result.status).toBe(200);
    expect(result.body.pagination.total_count).toBe(fixture.items.length);
  });

  it("pages through every item exactly once, in date order", async () => {
    const items = await searchAll({});
    expect(items.map((item) => item.id)).toEqual(fixture.items.map((item) => item.id));
    const dates = items.map((item) => Date.parse(item.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("sorts oldest first with DATE_ASC", async () => {
    const items = await searchAll({ sort: "DATE_ASC" });
    expect(items.map((item) => item.id)).toEqual(fixture.items.map((item) => item.id).reverse());
  });

  it("returns an empty last page past the end", async () => {
    const body = await searchOk({ page: 50, size: 100 });
    expect(body.data).toEqual([]);
    expect(body.pagination).toMatchObject({ page: 50, size: 100, total_count: fixture.items.length, has_more: false });
  });

  it("counts with size 1", async () => {
    const body = await searchOk({ type: "CALL", size: 1 });
    expect(body.data).toHaveLength(1);
    expect(body.pagination.total_count).toBe(testDataOptions.calls);
    expect(body.pagination.total_pages).toBe(testDataOptions.calls);
  });

  it("filters by type", async () => {
    const callItems = await searchAll({ type: "CALL" });
    expect(callItems).toHaveLength(testDataOptions.calls);
    expect(callItems.every((item) => item.type === "CALL" && item.id.startsWith("cll-"))).toBe(true);

    const messages = await searchAll({ type: "SMS" });
    expect(messages.length).toBe(fixture.items.length - testDataOptions.calls);
    for (const message of messages) {
      expect(message.id).toMatch(/^msg-[a-z0-9]{10}$/);
      expect(message).toMatchObject({ type: "SMS", summary: null, duration: null, result: null, recording_url: null, transcript: null });
      expect(typeof message.content).toBe("string");
      expect(message.status).not.toBeNull();
      expect(message.message_type).not.toBeNull();
    }
  });

  const firstContactNumber = (): string => fixture.items[0]!.contact_number;
  it.each([
    ["user_id", (): string => "usr-alexkim01"],
    ["direction", (): string => "OUTBOUND"],
    ["allo_number", (): string => "+15550100200"],
    ["contact_number", firstContactNumber],
  ] as const)("filters by %s", async (field, value) => {
    const items = await searchAll({ [field]: value() });
    const expected = fixture.items.filter((item) => item[field] === value());
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((item) => item.id)).toEqual(expected.map((item) => item.id));
  });

  it("filters by result, which only calls have", async () => {
    const items = await searchAll({ result: "VOICEMAIL" });
    expect(items.map((item) => item.id)).toEqual(
      calls()
        .filter((call) => call.result === "VOICEMAIL")
        .map((call) => call.id),
    );
  });

  it("filters by tags, matching items that carry any of them", async () => {
    const items = await searchAll({ tags: ["billing", "vip"] });
    const expected = fixture.items.filter((item) => item.tags.includes("billing") || item.tags.includes("vip"));
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((item) => item.id)).toEqual(expected.map((item) => item.id));
  });

  it("combines filters", async () => {
    const items = await searchAll({ type: "CALL", direction: "INBOUND", user_id: "usr-samortiz1" });
    expect(items.map((item) => item.id)).toEqual(
      calls()
        .filter((call) => call.direction === "INBOUND" && call.user_id === "usr-samortiz1")
        .map((call) => call.id),
    );
  });

  it("filters by date range, both days inclusive (UTC)", async () => {
    const items = await searchAll({ date: { from: "2026-05-01", to: "2026-05-03" } });
    const expected = fixture.items.filter((item) => item.date >= "2026-05-01T00:00:00Z" && item.date < "2026-05-04T00:00:00Z");
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((item) => item.id)).toEqual(expected.map((item) => item.id));

    const oneDay = await searchAll({ date: { from: "2026-05-02", to: "2026-05-02" } });
    expect(oneDay.every((item) => item.date.startsWith("2026-05-02"))).toBe(true);
    expect(oneDay.length).toBe(fixture.items.filter((item) => item.date.startsWith("2026-05-02")).length);
  });

  describe("keyword search", () => {
    const invoiceCall = () =>
      calls().find((call) => recipeOf(call).scenario === "billing_dispute" && call.result !== "VOICEMAIL" && call.summaries.length > 0)!;

    it("finds a call by a detail of its conversation, case-insensitively", async () => {
      const invoice = recipeOf(invoiceCall()).facts.invoice!;
      const items = await searchAll({ search: invoice.toLowerCase(), extend: "transcript" });
      expect(items.map((item) => item.id)).toContain(invoiceCall().id);
      for (const item of items) expect(searchableText(item)).toContain(invoice.toLowerCase().replace("inv-", ""));
    });

    it("matches word prefixes and ANDs the terms", async () => {
      const items = await searchAll({ search: "refun card", extend: "transcript" });
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(hasWordStartingWith(searchableText(item), "refun")).toBe(true);
        expect(hasWordStartingWith(searchableText(item), "card")).toBe(true);
      }
      const refundOnly = await searchAll({ search: "refund" });
      expect(refundOnly.length).toBeGreaterThanOrEqual(items.length);
    });

    it("does not match inside a word", async () => {
      const body = await searchOk({ search: "efund" });
      expect(body.pagination.total_count).toBe(0);
    });

    it("searches SMS content", async () => {
      const message = fixture.items.find((item) => item.type === "SMS")!;
      const word = message.content.split(/\s+/).find((candidate) => /^[A-Za-z]{6,}$/.test(candidate))!;
      const items = await searchAll({ type: "SMS", search: word.toUpperCase() });
      expect(items.map((item) => item.id)).toContain(message.id);
    });

    it("orders by relevance without changing what matches", async () => {
      const byDate = await searchAll({ search: "invoice" });
      const byRelevance = await searchAll({ search: "invoice", sort: "RELEVANCE" });
      expect(byRelevance.length).toBe(byDate.length);
      expect(new Set(byRelevance.map((item) => item.id))).toEqual(new Set(byDate.map((item) => item.id)));
    });

    it("returns nothing for a word no item contains", async () => {
      const body = await searchOk({ search: "xylophone" });
      expect(body).toEqual({ data: [], pagination: { page: 1, size: 20, total_count: 0, total_pages: 0, has_more: false } });
    });
  });

  it("includes transcripts with extend=transcript", async () => {
    const items = await searchAll({ extend: "transcript" });
    for (const item of items) {
      if (item.type === "SMS") {
        expect(item.transcript).toBeNull();
        continue;
      }
      const transcript = item.transcript!;
      const stored = calls().find((call) => call.id === item.id)!;
      expect(transcript).toHaveLength(recipeOf(stored).turns);
      const times = transcript.map((turn) => Date.parse(turn.time));
      expect(times[0]).toBeGreaterThanOrEqual(Date.parse(item.date));
      expect(times.at(-1)).toBeLessThanOrEqual(Date.parse(item.date) + item.duration! * 1000);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(transcript.map((turn) => turn.source))).toEqual(new Set(["USER", "EXTERNAL"]));
    }
  });

  describe("validation", () => {
    it.each([
      [{ size: 0 }, "size"],
      [{ size: 101 }, "size"],
      [{ size: 2.5 }, "size"],
      [{ page: 0 }, "page"],
      [{ page: -1 }, "page"],
    ])("rejects %j with INVALID_PAGE_SIZE", async (request, param) => {
      const error = await expectSearchError(request, 400, "INVALID_PAGE_SIZE");
      expect(error).toMatchObject({ type: "validation_error", retryable: false, param });
    });

    it("accepts the limits 1 and 100", async () => {
      expect((await searchOk({ size: 1 })).data).toHaveLength(1);
      expect((await searchOk({ size: 100 })).data).toHaveLength(100);
    });

    it.each([
      [{ date: { from: "2026-05-03", to: "2026-05-01" } }],
      [{ date: { from: "2026-02-30", to: "2026-03-01" } }],
      [{ date: { from: "05/01/2026", to: "2026-05-03" } }],
      [{ date: { from: "2026-05-01" } }],
      [{ date: "2026-05-01" }],
    ])("rejects %j with INVALID_DATE_RANGE", async (request) => {
      const error = await expectSearchError(request, 400, "INVALID_DATE_RANGE");
      expect(error.param).toBe("date");
    });

    it.each([["recording"], ["transcript,recording"]])("rejects extend=%s", async (extend) => {
      await expectSearchError({ extend }, 400, "UNSUPPORTED_EXTEND_VALUE");
    });

    it.each([
      [{ direction: "SIDEWAYS" }, "direction"],
      [{ type: "VOICE" }, "type"],
      [{ sort: "NEWEST" }, "sort"],
      [{ tags: "billing" }, "tags"],
      [{ size: "20" }, "size"],
    ])("rejects %j with INVALID_REQUEST_BODY", async (request, param) => {
      const error = await expectSearchError(request, 400, "INVALID_REQUEST_BODY");
      expect(error.param).toBe(param);
    });

    it("rejects a body that is not a JSON object", async () => {
      await expectSearchError([1, 2], 400, "INVALID_REQUEST_BODY");
      const broken = await allo.request("POST", "/v2/api/conversations/items/search", { body: "{not json" });
      expect(broken.status).toBe(400);
      expect(broken.error.code).toBe("INVALID_REQUEST_BODY");
    });

    it("rejects a body that is not declared as JSON", async () => {
      const result = await allo.request("POST", "/v2/api/conversations/items/search", {
        body: "size=10",
        contentType: "application/x-www-form-urlencoded",
      });
      expect(result.status).toBe(415);
      expect(result.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", type: "validation_error" });
      expect(contract.problems(operations.search, 415, result.json)).toEqual([]);
    });
  });
});
