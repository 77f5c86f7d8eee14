import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alloApiKeys, alloKeyFor } from "@/emulator/allo/keys";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { AlloTestClient, type AlloResult } from "./support/allo-client";
import { AlloContract, operations } from "./support/allo-contract";
import { representativeItems, testDataOptions, testFixture } from "./support/test-data";

let emulator: RunningEmulator;
const contract = new AlloContract();
const items = representativeItems(testFixture());

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, rateLimits: false });
});

afterAll(async () => {
  await emulator.close();
});

const client = (authorization: string | null) => new AlloTestClient(emulator.url, authorization);

function expectAuthError(result: AlloResult<unknown>, code: string) {
  expect(result.status).toBe(401);
  expect(result.error).toMatchObject({ type: "authentication_error", code, retryable: false, retry_after_seconds: null });
  expect(contract.problems(operations.me, 401, result.json)).toEqual([]);
}

describe("API keys", () => {
  it("documents the five keys", () => {
    expect(alloApiKeys.map((key) => [key.label, key.key, key.user.id])).toEqual([
      ["redline", "ak_live_redline_0000000000000001", "usr-redline01"],
      ["colleague", "ak_live_alexkim_0000000000000002", "usr-alexkim01"],
      ["second-colleague", "ak_live_samortiz_000000000000003", "usr-samortiz1"],
      ["read-only", "ak_live_readonly_000000000000004", "usr-priyanai1"],
      ["revoked", "ak_live_revoked_0000000000000005", "usr-marcusbe1"],
    ]);
    expect(alloKeyFor("read-only")).toBe("ak_live_readonly_000000000000004");
  });

  it.each([["api-key"], ["raw"]] as const)("accepts the key in the %s form", async (form) => {
    const result = await AlloTestClient.as(emulator.url, "redline", form).me();
    expect(result.status).toBe(200);
    expect(contract.problems(operations.me, 200, result.json)).toEqual([]);
    expect(result.body.data).toEqual({
      api_key_id: "api-redline",
      scopes: ["CONVERSATIONS_READ", "CONVERSATIONS_WRITE"],
      // The documented method enum has no PATCH, so the summary update is not listed.
      endpoints: [
        expect.objectContaining({ method: "POST", path: "/v2/api/conversations/items/search", scope: "CONVERSATIONS_READ" }),
        expect.objectContaining({ method: "GET", path: "/v2/api/conversations/items/{id}", scope: "CONVERSATIONS_READ" }),
        expect.objectContaining({ method: "POST", path: "/v2/api/conversations/items/batch", scope: "CONVERSATIONS_READ" }),
      ],
      team: { id: "team-northwind", name: "Northwind Home" },
      rate_limits: { read_per_second: 20, write_per_second: 5 },
    });
  });

  it("rejects a missing Authorization header with UNAUTHORIZED", async () => {
    expectAuthError(await client(null).me(), "UNAUTHORIZED");
    expectAuthError(await client("   ").search(), "UNAUTHORIZED");
  });

  it("rejects a Bearer token, even carrying a valid key", async () => {
    expectAuthError(await client(`Bearer ${alloKeyFor("redline")}`).me(), "UNAUTHORIZED");
  });

  it("rejects an unknown key with API_KEY_INVALID", async () => {
    expectAuthError(await client("Api-Key ak_live_nobody_000000000000009").me(), "API_KEY_INVALID");
    expectAuthError(await client("ak_live_nobody_000000000000009").me(), "API_KEY_INVALID");
  });

  it("rejects a revoked key with API_KEY_REVOKED, on every endpoint", async () => {
    const revoked = AlloTestClient.as(emulator.url, "revoked");
    expectAuthError(await revoked.me(), "API_KEY_REVOKED");
    expectAuthError(await revoked.search(), "API_KEY_REVOKED");
    expectAuthError(await revoked.getItem(items.classicOnly.id), "API_KEY_REVOKED");
    expectAuthError(await revoked.updateSummary(items.classicOnly.id, { content: "x" }), "API_KEY_REVOKED");
  });

  it("lets a read-only key read", async () => {
    const readOnly = AlloTestClient.as(emulator.url, "read-only");
    expect((await readOnly.me()).body.data.scopes).toEqual(["CONVERSATIONS_READ"]);
    expect((await readOnly.search({ size: 1 })).status).toBe(200);
    expect((await readOnly.getItem(items.classicOnly.id)).status).toBe(200);
  });
});

describe("request ids", () => {
  it("generates req_ + 12 alphanumerics, in the header and in error bodies", async () => {
    const ok = await AlloTestClient.as(emulator.url, "redline").me();
    expect(ok.headers.get("x-request-id")).toMatch(/^req_[a-z0-9]{12}$/);

    const failed = await client(null).me();
    const id = failed.headers.get("x-request-id");
    expect(id).toMatch(/^req_[a-z0-9]{12}$/);
    expect(failed.error.request_id).toBe(id);
  });

  it("echoes the client's X-Request-Id", async () => {
    const allo = AlloTestClient.as(emulator.url, "redline");
    const ok = await allo.request("GET", "/v2/api/me", { headers: { "X-Request-Id": "redline-trace-42" } });
    expect(ok.headers.get("x-request-id")).toBe("redline-trace-42");

    const failed = await allo.request("GET", "/v2/api/conversations/items/nope", { headers: { "X-Request-Id": "redline-trace-43" } });
    expect(failed.headers.get("x-request-id")).toBe("redline-trace-43");
    expect(failed.error.request_id).toBe("redline-trace-43");
  });
});

describe("rate limit headers", () => {
  it("are on every response: reads, writes and errors", async () => {
    const allo = AlloTestClient.as(emulator.url, "redline");
    const responses = [
      [await allo.me(), "20"],
      [await allo.getItem("bad-id"), "20"],
      [await allo.search(), "5"],
      [await allo.updateSummary("cll-zzzzzzzzzz", { content: "x" }), "5"],
      [await client(null).me(), "20"],
    ] as const;
    for (const [result, limit] of responses) {
      expect(result.headers.get("x-ratelimit-limit")).toBe(limit);
      expect(Number(result.headers.get("x-ratelimit-remaining"))).toBeGreaterThanOrEqual(0);
      expect(result.headers.get("x-ratelimit-reset")).toMatch(/^\d{10}$/);
    }
  });

  it("never refuse when rate limits are off", async () => {
    const allo = AlloTestClient.as(emulator.url, "redline");
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => allo.updateSummary(items.classicOnly.id, { content: `Edit ${i}` }).then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe("rate limits", () => {
  let limited: RunningEmulator;

  beforeAll(async () => {
    limited = await startEmulator({ port: 0, ...testDataOptions, calls: 20, rateLimits: true });
  });

  afterAll(async () => {
    await limited.close();
  });

  it("refuses the sixth write of a second with 429 and Retry-After", async () => {
    const allo = AlloTestClient.as(limited.url, "redline");
    const { id } = (await allo.search({ type: "CALL", size: 1 })).body.data[0]!;
    // Bursts of 12 concurrent writes: only a burst spread over more than two one-second windows could
    // escape the limit of 5, so a 429 comes in the first burst or, at worst, a later one.
    let refused: AlloResult<unknown> | undefined;
    for (let burst = 0; burst < 10 && !refused; burst++) {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => allo.updateSummary(id, { content: `Burst ${burst}, edit ${i}`, template_key: null })),
      );
      for (const result of results) expect([200, 400, 404, 429]).toContain(result.status);
      refused = results.find((result) => result.status === 429);
    }
    expect(refused).toBeDefined();
    const result = refused!;
    expect(result.headers.get("retry-after")).toBe("1");
    expect(result.headers.get("x-ratelimit-limit")).toBe("5");
    expect(result.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(result.error).toMatchObject({
      type: "rate_limit_error",
      code: "RATE_LIMIT_EXCEEDED",
      retryable: true,
      retry_after_seconds: 1,
    });
    expect(contract.problems(operations.updateSummary, 429, result.json)).toEqual([]);

    // Limits are per key and per class: reads and other keys are unaffected.
    expect((await allo.me()).status).toBe(200);
    expect((await AlloTestClient.as(limited.url, "colleague").search({ size: 1 })).status).toBe(200);
  });
});
