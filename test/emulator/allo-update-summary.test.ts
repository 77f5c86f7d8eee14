import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AlloSection } from "@/emulator/data/sections/allo-section";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { AlloTestClient } from "./support/allo-client";
import { AlloContract, operations } from "./support/allo-contract";
import { representativeItems, testDataOptions, testFixture } from "./support/test-data";

let emulator: RunningEmulator;
let redline: AlloTestClient;
let alex: AlloTestClient;
let sam: AlloTestClient;
let fixture: AlloSection;
let items: ReturnType<typeof representativeItems>;
const contract = new AlloContract();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, rateLimits: false });
  redline = AlloTestClient.as(emulator.url, "redline");
  alex = AlloTestClient.as(emulator.url, "colleague");
  sam = AlloTestClient.as(emulator.url, "second-colleague");
  fixture = testFixture();
  items = representativeItems(fixture);
});

beforeEach(async () => {
  const reset = await fetch(`${emulator.url}/__emulator/reset`, { method: "POST" });
  expect(reset.status).toBe(200);
});

afterAll(async () => {
  await emulator.close();
});

async function patchOk(client: AlloTestClient, id: string, request: unknown) {
  const result = await client.updateSummary(id, request);
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  expect(contract.problems(operations.updateSummary, 200, result.json)).toEqual([]);
  return result.body.data;
}

async function expectPatchError(id: string, request: unknown, status: number, code: string) {
  const result = await redline.updateSummary(id, request);
  expect(result.status).toBe(status);
  expect(result.error.code).toBe(code);
  expect(result.error.retryable).toBe(false);
  expect(contract.problems(operations.updateSummary, status, result.json)).toEqual([]);
  return result.error;
}

async function shownSummary(id: string): Promise<string | null> {
  const result = await redline.getItem(id);
  expect(result.status).toBe(200);
  return result.body.data.summary;
}

describe("PATCH /v2/api/conversations/items/{id}/summary", () => {
  it("replaces the summary and returns the new version, attributed to the key's owner", async () => {
    const content = "## Summary\n\nCorrected after review.";
    const summary = await patchOk(redline, items.classicOnly.id, { content });
    expect(summary).toEqual({
      id: items.classicOnly.id,
      content,
      version: 2,
      updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      updated_by: { id: "usr-redline01", name: "Redline Integration" },
    });
    expect(await shownSummary(items.classicOnly.id)).toBe(content);
  });

  it("stamps updated_at with the current time in UTC, to the second, with its zone as date-time requires", async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const summary = await patchOk(redline, items.classicOnly.id, { content: "Timed." });
    expect(summary.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const stamped = Date.parse(summary.updated_at!);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it("moves the version on every successful write, even with unchanged content", async () => {
    const versions = [];
    for (let i = 0; i < 3; i++) versions.push((await patchOk(redline, items.shortOnly.id, { content: "Same text." })).version);
    expect(versions).toEqual([2, 3, 4]);
  });

  it("accepts the template key of a call's only template", async () => {
    const summary = await patchOk(redline, items.shortOnly.id, { content: "Short.", template_key: "MARKDOWN_SHORT_CALL" });
    expect(summary.version).toBe(2);
    expect(await patchOk(redline, items.classicOnly.id, { content: "Classic.", template_key: null })).toMatchObject({ version: 2 });
  });

  it("keeps other fields of the item untouched", async () => {
    const before = (await redline.getItem(items.classicOnly.id, "transcript")).body.data;
    await patchOk(redline, items.classicOnly.id, { content: "New." });
    const after = (await redline.getItem(items.classicOnly.id, "transcript")).body.data;
    expect(after).toEqual({ ...before, summary: "New." });
  });

  it("makes the new content searchable", async () => {
    expect((await redline.search({ search: "quartzite" })).body.data).toEqual([]);
    await patchOk(redline, items.classicOnly.id, { content: "Customer mentioned the quartzite countertop." });
    const found = await redline.search({ search: "quartzite" });
    expect(found.body.data.map((item) => item.id)).toEqual([items.classicOnly.id]);
  });

  describe("a call with two templates", () => {
    it("requires template_key", async () => {
      const error = await expectPatchError(items.bothTemplates.id, { content: "Which one?" }, 400, "SUMMARY_TEMPLATE_KEY_REQUIRED");
      expect(error.param).toBe("template_key");
      await expectPatchError(items.bothTemplates.id, { content: "Which one?", template_key: null }, 400, "SUMMARY_TEMPLATE_KEY_REQUIRED");
    });

    it("edits each template on its own, shares one version, and shows the one edited last", async () => {
      const short = await patchOk(redline, items.bothTemplates.id, { content: "Short edit.", template_key: "MARKDOWN_SHORT_CALL" });
      expect(short.version).toBe(2);
      expect(await shownSummary(items.bothTemplates.id)).toBe("Short edit.");

      const classic = await patchOk(redline, items.bothTemplates.id, { content: "## Classic edit", template_key: "MARKDOWN_CLASSIC" });
      expect(classic.version).toBe(3);
      expect(await shownSummary(items.bothTemplates.id)).toBe("## Classic edit");
    });
  });

  it("answers 404 SUMMARY_TEMPLATE_NOT_FOUND for a template the call does not have", async () => {
    const error = await expectPatchError(
      items.classicOnly.id,
      { content: "x", template_key: "MARKDOWN_SHORT_CALL" },
      404,
      "SUMMARY_TEMPLATE_NOT_FOUND",
    );
    expect(error.type).toBe("not_found_error");
    expect(await shownSummary(items.classicOnly.id)).toBe(items.classicOnly.summaries[0]!.content);
  });

  it("answers 404 SUMMARY_TEMPLATE_NOT_FOUND while a call has no summary, with or without a key", async () => {
    await expectPatchError(items.noSummary.id, { content: "x" }, 404, "SUMMARY_TEMPLATE_NOT_FOUND");
    await expectPatchError(items.noSummary.id, { content: "x", template_key: "MARKDOWN_CLASSIC" }, 404, "SUMMARY_TEMPLATE_NOT_FOUND");
    expect(await shownSummary(items.noSummary.id)).toBeNull();
  });

  it("answers 404 CONVERSATION_ITEM_NOT_FOUND for an unknown call", async () => {
    const error = await expectPatchError("cll-zzzzzzzzzz", { content: "x" }, 404, "CONVERSATION_ITEM_NOT_FOUND");
    expect(error.type).toBe("not_found_error");
  });

  it.each([["msg"], ["other"]])("rejects a %s id with INVALID_ITEM_ID", async (kind) => {
    const id = kind === "msg" ? items.sms.id : "abc-123";
    const error = await expectPatchError(id, { content: "x" }, 400, "INVALID_ITEM_ID");
    expect(error).toMatchObject({ type: "validation_error", param: "id" });
  });

  describe("body validation", () => {
    it.each([
      [{}, "content"],
      [{ content: null }, "content"],
      [{ content: 42 }, "content"],
      [{ content: "x", template_key: "PLAIN_TEXT" }, "template_key"],
    ])("rejects %j with INVALID_REQUEST_BODY", async (request, param) => {
      const error = await expectPatchError(items.classicOnly.id, request, 400, "INVALID_REQUEST_BODY");
      expect(error.param).toBe(param);
    });

    it("accepts exactly 100,000 characters and rejects one more", async () => {
      expect((await patchOk(redline, items.classicOnly.id, { content: "a".repeat(100_000) })).content).toHaveLength(100_000);
      const error = await expectPatchError(items.classicOnly.id, { content: "a".repeat(100_001) }, 400, "INVALID_REQUEST_BODY");
      expect(error.param).toBe("content");
    });

    it("counts characters, not UTF-16 units", async () => {
      const emoji = "📞".repeat(100_000);
      expect((await patchOk(redline, items.classicOnly.id, { content: emoji })).content).toBe(emoji);
    });

    it("rejects a missing or non-JSON body", async () => {
      const empty = await redline.request("PATCH", `/v2/api/conversations/items/${items.classicOnly.id}/summary`);
      expect(empty.status).toBe(400);
      expect(empty.error.code).toBe("INVALID_REQUEST_BODY");

      const broken = await redline.request("PATCH", `/v2/api/conversations/items/${items.classicOnly.id}/summary`, { body: "{" });
      expect(broken.error.code).toBe("INVALID_REQUEST_BODY");

      const text = await redline.request("PATCH", `/v2/api/conversations/items/${items.classicOnly.id}/summary`, {
        body: "New summary",
        contentType: "text/plain",
      });
      expect(text.status).toBe(415);
      expect(text.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    });
  });

  it("refuses a read-only key with 403 API_KEY_INSUFFICIENT_SCOPE and changes nothing", async () => {
    const readOnly = AlloTestClient.as(emulator.url, "read-only");
    const result = await readOnly.updateSummary(items.classicOnly.id, { content: "Not allowed." });
    expect(result.status).toBe(403);
    expect(result.error).toMatchObject({ type: "permission_error", code: "API_KEY_INSUFFICIENT_SCOPE", retryable: false });
    expect(result.error.message).toContain("CONVERSATIONS_WRITE");
    expect(contract.problems(operations.updateSummary, 403, result.json)).toEqual([]);
    expect(await shownSummary(items.classicOnly.id)).toBe(items.classicOnly.summaries[0]!.content);
  });

  it("lets the last write win across keys, with no stale-write check", async () => {
    // Both colleagues start from version 1; neither can tell the API which version they edited.
    const first = await patchOk(alex, items.classicOnly.id, { content: "Alex's version." });
    expect(first).toMatchObject({ version: 2, updated_by: { id: "usr-alexkim01", name: "Alex Kim" } });

    const second = await patchOk(sam, items.classicOnly.id, { content: "Sam's version." });
    expect(second).toMatchObject({ version: 3, updated_by: { id: "usr-samortiz1", name: "Sam Ortiz" } });

    expect(await shownSummary(items.classicOnly.id)).toBe("Sam's version.");
  });
});
