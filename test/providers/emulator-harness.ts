import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { FaultInput } from "@/emulator/faults/fault-spec";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@/emulator/server";
import { writesAnswerSchema, type SummaryWrite } from "@/emulator/write-log";
import { ProviderError } from "@/lib/providers/provider-error";

/** What an adapter sent to the emulator and what came back, as seen through its `fetch` option. */
export type Exchange = { method: string; url: string; requestHeaders: Headers; status: number | null };

/**
 * A real fetch that records every exchange, so a test can say how many attempts an operation took
 * (a write is never retried) and which request id the adapter sent.
 */
export function recordingFetch(): typeof fetch & { exchanges: Exchange[]; reset(): void } {
  const exchanges: Exchange[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const exchange: Exchange = {
      method: init?.method ?? "GET",
      url: String(input),
      requestHeaders: new Headers(init?.headers),
      status: null,
    };
    exchanges.push(exchange);
    const response = await fetch(input, init);
    exchange.status = response.status;
    return response;
  };
  return Object.assign(impl, {
    exchanges,
    reset() {
      exchanges.length = 0;
    },
  });
}

/** Records the waits the base client asks for, without waiting: retries in these tests cost no time. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return Object.assign(sleep, { waits });
}

/** Options every adapter takes, filled here so a test names only its provider's own. */
type CommonAdapterOptions = { timeoutMs: number; fetch?: typeof fetch; sleep?: (ms: number) => Promise<void> };

/**
 * An adapter built with a recording fetch and sleep, both kept on it so a test can read what it sent and waited;
 * a 2 s timeout, and any of the three replaced by `options` (`sleep: undefined` for real pacing).
 */
export function recordedAdapter<O extends CommonAdapterOptions, A extends object>(
  create: (options: O) => A,
  options: NoInfer<Omit<O, keyof CommonAdapterOptions> & Partial<CommonAdapterOptions>>,
): A & { fetch: ReturnType<typeof recordingFetch>; sleep: ReturnType<typeof recordingSleep> } {
  const fetch = recordingFetch();
  const sleep = recordingSleep();
  // `options` with the common options put back is an O; the checker cannot follow `Omit` on a type parameter.
  return Object.assign(create({ timeoutMs: 2_000, fetch, sleep, ...options } as unknown as O), { fetch, sleep });
}

export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the operation to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** One admin request to the emulator; an answer other than 2xx fails the test with the emulator's message. */
export async function emulatorAdmin(emulator: RunningEmulator, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new Error(`Emulator ${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Replaces the faults in force, e.g. `setFaults(emulator, "allo.search:status=429,count=1")`. */
export async function setFaults(emulator: RunningEmulator, ...faults: (string | FaultInput)[]): Promise<void> {
  await emulatorAdmin(emulator, "PUT", "faults", { faults });
}

/** How many hits each fault in force has left, in the order they were set. */
export async function faultsRemaining(emulator: RunningEmulator): Promise<(number | null)[]> {
  const body = (await emulatorAdmin(emulator, "GET", "faults")) as { faults: { remaining: number | null }[] };
  return body.faults.map((fault) => fault.remaining);
}

export async function clearFaults(emulator: RunningEmulator): Promise<void> {
  await emulatorAdmin(emulator, "DELETE", "faults");
}

export async function resetEmulator(emulator: RunningEmulator): Promise<void> {
  await emulatorAdmin(emulator, "POST", "reset");
}

export async function setEmulatorSettings(emulator: RunningEmulator, settings: { rateLimits?: boolean; twilioApplyDelayMs?: number }): Promise<void> {
  await emulatorAdmin(emulator, "PATCH", "settings", settings);
}

/**
 * The emulator a test file runs against: started before its tests, closed after them, and after each test its
 * faults cleared, its data reset and its rate limits set back, so no test sees what another left behind.
 */
export function emulatorForFile(options: EmulatorOptions): RunningEmulator {
  let started: RunningEmulator | undefined;
  const running = () => {
    if (!started) throw new Error("The emulator starts before the file's tests: use it in a test or a hook");
    return started;
  };
  beforeAll(async () => {
    started = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await started?.close();
  });
  afterEach(async () => {
    await clearFaults(running());
    await resetEmulator(running());
    await setEmulatorSettings(running(), { rateLimits: options.rateLimits ?? true });
  });
  return {
    get url() {
      return running().url;
    },
    get port() {
      return running().port;
    },
    setup: () => running().setup(),
    close: () => running().close(),
  };
}

/** Each endpoint with each way a fault makes its answer unreadable: not JSON, or JSON of the wrong shape. */
export function unreadableAnswers<E extends string>(endpoints: readonly E[]): (readonly [E, "malformed" | "schema"])[] {
  return endpoints.flatMap((endpoint) => (["malformed", "schema"] as const).map((mode) => [endpoint, mode] as const));
}

/** A plain request to the emulator, bypassing the adapter: for what the adapter refuses to send. */
export async function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? null : (JSON.parse(text) as unknown) };
}

/** Newest first: every start time at or before the one listed before it. */
export function expectNewestFirst(startedAt: readonly string[]): void {
  for (let i = 1; i < startedAt.length; i++) {
    if ((startedAt[i] as string) > (startedAt[i - 1] as string)) {
      throw new Error(`Not newest first at ${i}: ${startedAt[i - 1]} then ${startedAt[i]}`);
    }
  }
}

/** Waits until `check` holds (an accepted write applied later), polling; fails after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still not the expected value after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The summary writes the emulator applied, oldest first: proof of what reached the provider, from any process. */
export async function summaryWrites(emulator: RunningEmulator, filter: { provider?: string; target?: string } = {}): Promise<SummaryWrite[]> {
  const query = new URLSearchParams(filter as Record<string, string>).toString();
  const answer = writesAnswerSchema.parse(await emulatorAdmin(emulator, "GET", `writes${query ? `?${query}` : ""}`));
  if (answer.dropped > 0) throw new Error("The emulator's write log dropped writes: it cannot prove what was written");
  return answer.writes;
}
