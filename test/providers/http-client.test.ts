import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { createHttpClient, parseRetryAfter, type HttpClientOptions, type MapError } from "@/lib/providers/http-client";
import { ProviderError } from "@/lib/providers/provider-error";
import { fakeFetch, hang, json, networkFailure, text, type FakeFetch } from "./fake-fetch";

const itemSchema = z.object({ id: z.string(), items: z.array(z.object({ id: z.string() })) });

/** A provider-neutral mapper: the client must not depend on any provider's error shape. */
const mapError: MapError = (status, body) => {
  const hint = (body as { retry_after_seconds?: number } | null)?.retry_after_seconds ?? null;
  return new ProviderError({
    provider: "twilio",
    status,
    code: `HTTP_${status}`,
    kind: status === 429 ? "rate_limited" : status >= 500 ? "unavailable" : "invalid",
    message: "refused",
    retryable: status === 429 || status >= 500,
    retryAfterSec: hint,
  });
};

function setup(fetch: FakeFetch, overrides: Partial<HttpClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createHttpClient({
    provider: "twilio",
    baseUrl: "https://api.example.test/",
    timeoutMs: 1_000,
    headers: { Authorization: "Basic c2VjcmV0LWtleQ==" },
    requestIdHeader: "X-Request-Id",
    mapError,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleeps };
}

const ok = { id: "a", items: [{ id: "b" }] };

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the request to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createHttpClient: a successful answer", () => {
  it("returns the body parsed by the schema and sends auth, accept, request id and query", async () => {
    const fetch = fakeFetch(json(200, { ...ok, extra: "dropped" }));
    const { client } = setup(fetch);

    const data = await client.request({ method: "GET", path: "/v1/things/a", query: { extend: "x", skip: undefined }, schema: itemSchema });

    expect(data).toEqual(ok);
    const [sent] = fetch.requests;
    expect(sent?.url).toBe("https://api.example.test/v1/things/a?extend=x");
    expect(sent?.headers.get("authorization")).toBe("Basic c2VjcmV0LWtleQ==");
    expect(sent?.headers.get("accept")).toBe("application/json");
    expect(sent?.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]{12}$/);
  });

  it("sends a JSON body with its content type", async () => {
    const fetch = fakeFetch(json(200, ok));
    const { client } = setup(fetch);

    await client.request({ method: "PATCH", path: "/v1/things/a", body: { content: "# hi" }, schema: itemSchema });

    expect(fetch.requests[0]?.headers.get("content-type")).toBe("application/json");
    expect(fetch.requests[0]?.body).toEqual({ content: "# hi" });
  });

  it("never logs the authorization header", async () => {
    const lines: unknown[] = [];
    const capture = (...args: unknown[]) => void lines.push(args);
    vi.spyOn(logger, "child").mockReturnValue({ debug: capture, info: capture, warn: capture } as unknown as ReturnType<typeof logger.child>);
    const fetch = fakeFetch(json(200, ok), json(400, { error: "nope" }));
    const { client } = setup(fetch);

    await client.request({ method: "GET", path: "/v1/things/a", schema: itemSchema });
    await client.request({ method: "GET", path: "/v1/things/b", schema: itemSchema }).catch(() => undefined);

    expect(lines).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toContain("c2VjcmV0LWtleQ");
    expect(JSON.stringify(lines)).toContain("/v1/things/a");
  });
});

describe("createHttpClient: answers that break the contract", () => {
  it("reports a schema break as a contract error naming the first failing path, not the body", async () => {
    const fetch = fakeFetch(json(200, { id: "a", items: [{ id: "b" }, { id: 42, secret: "customer said X" }] }));
    const { client } = setup(fetch);

    const error = await rejection(client.request({ method: "GET", path: "/v1/things/a", schema: itemSchema }));

    expect(error).toMatchObject({ kind: "contract", code: "INVALID_RESPONSE", status: 200, retryable: false, outcomeUnknown: false });
    expect(error.message).toContain("items[1].id");
    expect(error.message).not.toContain("customer said X");
    expect(error.requestId).toBe(fetch.requests[0]?.headers.get("x-request-id"));
  });

  it("reports a body that is not JSON as a contract error", async () => {
    const fetch = fakeFetch(text(200, "<html>maintenance</html>"));
    const { client } = setup(fetch);

    const error = await rejection(client.request({ method: "GET", path: "/v1/things/a", schema: itemSchema }));

    expect(error).toMatchObject({ kind: "contract", code: "INVALID_RESPONSE" });
    expect(error.message).not.toContain("maintenance");
  });

  it("marks a write whose 2xx answer cannot be read as of unknown outcome", async () => {
    const fetch = fakeFetch(json(200, { nothing: true }));
    const { client } = setup(fetch);

    const error = await rejection(client.request({ method: "PATCH", path: "/v1/things/a", body: {}, schema: itemSchema }));

    expect(error).toMatchObject({ kind: "contract", outcomeUnknown: true });
  });
});

describe("createHttpClient: timeouts and network failures", () => {
  it("turns a read that never answers into a retryable timeout", async () => {
    const { client } = setup(fakeFetch(hang()), { timeoutMs: 20 });

    const error = await rejection(client.request({ method: "GET", path: "/v1/things/a", schema: itemSchema }));

    expect(error).toMatchObject({ kind: "timeout", code: "TIMEOUT", status: null, retryable: true, outcomeUnknown: false });
    expect(error.requestId).toMatch(/^req_/);
  });

  it("marks a timed-out write as of unknown outcome and does not resend it", async () => {
    const fetch = fakeFetch(hang());
    const { client } = setup(fetch, { timeoutMs: 20 });

    const error = await rejection(client.request({ method: "PATCH", path: "/v1/things/a", body: { content: "x" }, schema: itemSchema }));

    expect(error).toMatchObject({ kind: "timeout", code: "TIMEOUT", outcomeUnknown: true });
    expect(fetch.requests).toHaveLength(1);
  });

  it("reports a refused connection as unavailable; a write that never left has a known outcome", async () => {
    const { client } = setup(fakeFetch(networkFailure("ECONNREFUSED")));

    const error = await rejection(client.request({ method: "PATCH", path: "/v1/things/a", body: {}, schema: itemSchema }));

    expect(error).toMatchObject({ kind: "unavailable", code: "NETWORK_ERROR", retryable: true, outcomeUnknown: false });
  });

  it("treats a write whose connection dropped after sending as of unknown outcome", async () => {
    const { client } = setup(fakeFetch(networkFailure("ECONNRESET")));

    const error = await rejection(client.request({ method: "PATCH", path: "/v1/things/a", body: {}, schema: itemSchema }));

    expect(error).toMatchObject({ kind: "unavailable", code: "NETWORK_ERROR", outcomeUnknown: true });
  });

  it("never marks a failed read as of unknown outcome", async () => {
    const { client } = setup(fakeFetch(networkFailure("ECONNRESET")));

    const error = await rejection(client.request({ method: "GET", path: "/v1/things/a", schema: itemSchema }));

    expect(error.outcomeUnknown).toBe(false);
  });
});

describe("createHttpClient: error answers", () => {
  it("hands status, parsed body and headers to the provider's mapper", async () => {
    const mapper = vi.fn(mapError);
    const fetch = fakeFetch(json(404, { error: { code: "NOPE" } }, { "X-Request-Id": "req_fromserver1" }));
    const { client } = setup(fetch, { mapError: mapper });

    const error = await rejection(client.request({ method: "GET", path: "/v1/things/a", schema: itemSchema }));

    expect(error).toMatchObject({ kind: "invalid", status: 404 });
    expect(mapper).toHaveBeenCalledWith(404, { error: { code: "NOPE" } }, expect.any(Headers));
    expect(mapper.mock.calls[0]?.[2].get("x-request-id")).toBe("req_fromserver1");
  });

  it("hands a body that is not JSON to the mapper as text", async () => {
    const mapper = vi.fn(mapError);
    const { client } = setup(fakeFetch(text(502, "Bad gateway")), { mapError: mapper });

    await rejection(client.request({ method: "GET", path: "/v1/things/a", schema: itemSchema }));

    expect(mapper).toHaveBeenCalledWith(502, "Bad gateway", expect.any(Headers));
  });

  it("marks a write answered with a 5xx as of unknown outcome, but not one answered with a 4xx", async () => {
    const { client } = setup(fakeFetch(text(500, ""), json(404, {})));

    const serverError = await rejection(client.request({ method: "PATCH", path: "/v1/a", body: {}, schema: itemSchema }));
    const notFound = await rejection(client.request({ method: "PATCH", path: "/v1/a", body: {}, schema: itemSchema }));

    expect(serverError).toMatchObject({ kind: "unavailable", outcomeUnknown: true });
    expect(notFound).toMatchObject({ kind: "invalid", outcomeUnknown: false });
  });
});

describe("createHttpClient: retries", () => {
  it("retries a rate-limited read after the body's retry_after_seconds", async () => {
    const fetch = fakeFetch(json(429, { retry_after_seconds: 2 }), json(200, ok));
    const { client, sleeps } = setup(fetch);

    await expect(client.request({ method: "GET", path: "/v1/a", schema: itemSchema })).resolves.toEqual(ok);

    expect(fetch.requests).toHaveLength(2);
    expect(sleeps).toEqual([2_000]);
  });

  it("honours a Retry-After header in seconds when the body gives no hint", async () => {
    const fetch = fakeFetch(text(429, "slow down", { "Retry-After": "1" }), json(200, ok));
    const { client, sleeps } = setup(fetch);

    await client.request({ method: "GET", path: "/v1/a", schema: itemSchema });

    expect(sleeps).toEqual([1_000]);
  });

  it("honours a Retry-After header given as an HTTP date", async () => {
    const at = new Date(Date.now() + 3_000).toUTCString();
    const fetch = fakeFetch(text(503, "", { "Retry-After": at }), json(200, ok));
    const { client, sleeps } = setup(fetch);

    await client.request({ method: "GET", path: "/v1/a", schema: itemSchema });

    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThanOrEqual(4_000);
  });

  it("retries an unavailable read with growing, jittered backoff when no hint is given", async () => {
    const fetch = fakeFetch(text(503, ""), text(503, ""), json(200, ok));
    const { client, sleeps } = setup(fetch, { random: () => 1 });

    await client.request({ method: "GET", path: "/v1/a", schema: itemSchema });

    expect(fetch.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]).toBeGreaterThan(sleeps[0] ?? Infinity);
  });

  it("gives up after three retries and throws the last error", async () => {
    const fetch = fakeFetch(...Array.from({ length: 5 }, () => json(429, { retry_after_seconds: 1 })));
    const { client } = setup(fetch);

    const error = await rejection(client.request({ method: "GET", path: "/v1/a", schema: itemSchema }));

    expect(fetch.requests).toHaveLength(4);
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSec: 1 });
  });

  it("does not wait past its budget: a long hint goes back to the caller at once", async () => {
    const fetch = fakeFetch(json(429, { retry_after_seconds: 30 }));
    const { client, sleeps } = setup(fetch);

    const error = await rejection(client.request({ method: "GET", path: "/v1/a", schema: itemSchema }));

    expect(sleeps).toEqual([]);
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSec: 30 });
  });

  it("stops retrying once the waits would add up to more than about ten seconds", async () => {
    const fetch = fakeFetch(...Array.from({ length: 4 }, () => json(429, { retry_after_seconds: 4 })));
    const { client, sleeps } = setup(fetch);

    await rejection(client.request({ method: "GET", path: "/v1/a", schema: itemSchema }));

    expect(sleeps).toEqual([4_000, 4_000]);
    expect(fetch.requests).toHaveLength(3);
  });

  it("never retries a rate-limited write", async () => {
    const fetch = fakeFetch(json(429, { retry_after_seconds: 1 }));
    const { client, sleeps } = setup(fetch);

    const error = await rejection(client.request({ method: "PATCH", path: "/v1/a", body: {}, schema: itemSchema }));

    expect(error).toMatchObject({ kind: "rate_limited", retryAfterSec: 1 });
    expect(fetch.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("retries a POST only when the caller marks it as a read", async () => {
    const search = fakeFetch(json(429, { retry_after_seconds: 1 }), json(200, ok));
    await setup(search).client.request({ method: "POST", path: "/v1/search", body: {}, schema: itemSchema, retry: true });
    expect(search.requests).toHaveLength(2);

    const create = fakeFetch(json(429, { retry_after_seconds: 1 }));
    await rejection(setup(create).client.request({ method: "POST", path: "/v1/things", body: {}, schema: itemSchema }));
    expect(create.requests).toHaveLength(1);
  });

  it("does not retry other failures, such as a 500 or a 400", async () => {
    const fetch = fakeFetch(text(500, ""), json(400, {}));
    const { client } = setup(fetch);

    await rejection(client.request({ method: "GET", path: "/v1/a", schema: itemSchema }));
    await rejection(client.request({ method: "GET", path: "/v1/a", schema: itemSchema }));

    expect(fetch.requests).toHaveLength(2);
  });

  it("refuses to be told to retry a write", async () => {
    const { client } = setup(fakeFetch());

    await expect(client.request({ method: "PATCH", path: "/v1/a", body: {}, schema: itemSchema, retry: true })).rejects.toThrow(
      /never retried/,
    );
  });
});

describe("createHttpClient: pacing", () => {
  it("holds back requests beyond the per-second budget", async () => {
    const fetch = fakeFetch(json(200, ok), json(200, ok), json(200, ok));
    const { client, sleeps } = setup(fetch, { rateLimit: { perSecond: 2 } });

    for (let i = 0; i < 3; i++) await client.request({ method: "GET", path: "/v1/a", schema: itemSchema });

    expect(fetch.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(1);
  });

  it("lets no more than the budget into any one second, however the provider aligns its seconds", async () => {
    const fetch = fakeFetch(...Array.from({ length: 5 }, () => json(200, ok)));
    const { client, sleeps } = setup(fetch, { rateLimit: { perSecond: 2 } });

    // The fake sleep does not move the clock: each wait is counted from the same instant.
    for (let i = 0; i < 5; i++) await client.request({ method: "GET", path: "/v1/a", schema: itemSchema });

    // Two now, two a full second later, one a second after those: a second's worth of credit would let the
    // third and fourth out half a second apart, three within one second.
    expect(sleeps).toHaveLength(3);
    const [third, fourth, fifth] = sleeps as [number, number, number];
    expect(third).toBeGreaterThanOrEqual(1_000);
    expect(fourth).toBeGreaterThanOrEqual(1_000);
    expect(fifth).toBeGreaterThanOrEqual(2_000);
  });

  it("keeps reads and writes in separate budgets when the provider counts them apart", async () => {
    const fetch = fakeFetch(...Array.from({ length: 3 }, () => json(200, ok)));
    const { client, sleeps } = setup(fetch, { rateLimit: { perSecond: 2, writesPerSecond: 1 } });

    await client.request({ method: "PATCH", path: "/v1/a", body: {}, schema: itemSchema });
    await client.request({ method: "GET", path: "/v1/a", schema: itemSchema });
    await client.request({ method: "GET", path: "/v1/a", schema: itemSchema });

    expect(sleeps).toEqual([]);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-05-12T14:32:10Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date as the seconds until then, never negative", () => {
    expect(parseRetryAfter("Tue, 12 May 2026 14:32:15 GMT", now)).toBe(5);
    expect(parseRetryAfter("Tue, 12 May 2026 14:00:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-1", now)).toBeNull();
  });
});
