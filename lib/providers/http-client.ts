import type { z } from "zod";
import { logger } from "../logger";
import { ProviderError } from "./provider-error";
import { providerNames, type ProviderId } from "./provider-id";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A provider's per-second request budget. `perSecond` paces every request; with `writesPerSecond`, GET
 * requests take from the `perSecond` budget and every other method from its own.
 */
export type RateLimit = { perSecond: number; writesPerSecond?: number };

/**
 * Turns a non-2xx answer into the provider's error. `body` is the parsed JSON when the body is JSON,
 * the raw text otherwise, and `null` when the body is empty.
 */
export type MapError = (status: number, body: unknown, headers: Headers) => ProviderError;

export type HttpClientOptions = {
  provider: ProviderId;
  baseUrl: string;
  timeoutMs: number;
  /** Sent with every request (authorization lives here). Never logged. */
  headers: Record<string, string>;
  mapError: MapError;
  /** When set, each request carries a fresh id (`req_` + 12 alphanumerics) in this header, so our logs and the provider's agree. */
  requestIdHeader?: string;
  /**
   * The header in which the provider names each request it answers (Twilio's `Twilio-Request-Id`), when it
   * is not `requestIdHeader` echoed: read into errors the provider's mapper never sees, such as an answer
   * that cannot be parsed, so support can still find the request.
   */
  responseRequestIdHeader?: string;
  /** Client-side pacing to stay within documented limits (per process: instances do not share it). */
  rateLimit?: RateLimit;
  fetch?: typeof fetch;
  /** Waits between retries and for pacing; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of backoff jitter, in [0, 1). */
  random?: () => number;
};

export type HttpRequest<S extends z.ZodType> = {
  method: HttpMethod;
  /** Appended to `baseUrl` as is; encode path parameters before passing them. */
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Every 2xx body is parsed with it; nothing unparsed leaves the client. */
  schema: S;
  /**
   * Retry on 429/503. On by default for GET; a POST that only reads (a search) may opt in.
   * Writes are never retried: a write whose answer was lost may already have been applied.
   */
  retry?: boolean;
};

export type HttpClient = {
  request<S extends z.ZodType>(request: HttpRequest<S>): Promise<z.output<S>>;
};

const MAX_RETRIES = 3;
/** Total time spent waiting between retries of one request. A longer hint is handed to the caller instead. */
const MAX_TOTAL_WAIT_MS = 10_000;
const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 4_000;
const RETRY_STATUSES = new Set([429, 503]);
/** Connection errors raised before a single byte of the request could leave: the provider never saw it. */
const NEVER_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The one HTTP client every provider adapter is built on: timeouts, required schemas, one error type, redacted logs. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const providerName = providerNames[options.provider];
  const log = logger.child({ provider: options.provider });
  const pacing = createPacing(options.rateLimit, sleep);

  async function request<S extends z.ZodType>(req: HttpRequest<S>): Promise<z.output<S>> {
    if (req.retry && req.method !== "GET" && req.method !== "POST") {
      throw new Error(`${req.method} requests are writes and are never retried`);
    }
    // A POST marked for retry is a search: it reads, so a lost answer leaves nothing in doubt.
    const isRead = req.method === "GET" || req.retry === true;
    const retries = req.retry ?? req.method === "GET";
    const requestId = options.requestIdHeader ? createRequestId() : null;
    let waitedMs = 0;

    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptOnce(req, isRead, requestId, attempt);
      if (outcome.ok) return outcome.value;

      const { error, headers } = outcome;
      const status = error.status ?? 0;
      if (!retries || !RETRY_STATUSES.has(status) || attempt >= MAX_RETRIES) throw error;

      const hintSec = error.retryAfterSec ?? parseRetryAfter(headers?.get("retry-after") ?? null);
      const delayMs = hintSec !== null ? hintSec * 1000 : backoffMs(attempt, random);
      if (waitedMs + delayMs > MAX_TOTAL_WAIT_MS) throw error;

      log.warn({ method: req.method, path: req.path, status, requestId, attempt, retryInMs: delayMs }, "provider request retried");
      await sleep(delayMs);
      waitedMs += delayMs;
    }
  }

  type Attempt<T> = { ok: true; value: T } | { ok: false; error: ProviderError; headers: Headers | null };

  async function attemptOnce<S extends z.ZodType>(
    req: HttpRequest<S>,
    isRead: boolean,
    requestId: string | null,
    attempt: number,
  ): Promise<Attempt<z.output<S>>> {
    await pacing(req.method);
    const signal = AbortSignal.timeout(options.timeoutMs);
    const started = performance.now();
    const logFields = () => ({
      method: req.method,
      path: req.path,
      requestId,
      attempt,
      durationMs: Math.round(performance.now() - started),
    });
    const fail = (error: ProviderError, headers: Headers | null, cause?: unknown): Attempt<never> => {
      log.warn(
        {
          ...logFields(),
          status: error.status,
          kind: error.kind,
          code: error.code,
          requestId: error.requestId ?? requestId,
          ...(cause === undefined ? {} : { cause: causeCode(cause) }),
        },
        "provider request failed",
      );
      return { ok: false, error, headers };
    };

    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(buildUrl(baseUrl, req.path, req.query), {
        method: req.method,
        headers: buildHeaders(options, requestId, req.body !== undefined),
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal,
      });
      text = await response.text();
    } catch (cause) {
      return fail(transportError(cause, signal.aborted, isRead, requestId), null, cause);
    }

    const answerIdHeader = options.responseRequestIdHeader ?? options.requestIdHeader;
    const responseRequestId = (answerIdHeader && response.headers.get(answerIdHeader)) || requestId;
    const body = parseBody(text);

    if (!response.ok) {
      const mapped = options.mapError(response.status, body.ok ? body.value : text || null, response.headers);
      // A 5xx on a write (a gateway timing out, a crash mid-request) does not prove the write was not applied.
      const error = !isRead && response.status >= 500 ? withOutcomeUnknown(mapped) : mapped;
      return fail(error, response.headers);
    }

    const contract = (detail: string) =>
      new ProviderError({
        provider: options.provider,
        status: response.status,
        code: "INVALID_RESPONSE",
        kind: "contract",
        message: `${providerName} answered with ${detail}.`,
        retryable: false,
        requestId: responseRequestId,
        // The write was accepted (2xx) but its answer cannot be read: re-read before trusting either state.
        outcomeUnknown: !isRead,
      });

    if (!body.ok) return fail(contract("a body that is not JSON"), response.headers);
    const parsed = req.schema.safeParse(body.value);
    if (!parsed.success) {
      return fail(contract(`an unexpected shape ${describeFirstIssue(parsed.error.issues)}`), response.headers);
    }

    log.debug({ ...logFields(), status: response.status, requestId: responseRequestId }, "provider request");
    return { ok: true, value: parsed.data };
  }

  function transportError(cause: unknown, timedOut: boolean, isRead: boolean, requestId: string | null): ProviderError {
    if (timedOut) {
      return new ProviderError({
        provider: options.provider,
        status: null,
        code: "TIMEOUT",
        kind: "timeout",
        message: `${providerName} did not answer within ${formatSeconds(options.timeoutMs)}.`,
        retryable: true,
        requestId,
        outcomeUnknown: !isRead,
      });
    }
    return new ProviderError({
      provider: options.provider,
      status: null,
      code: "NETWORK_ERROR",
      kind: "unavailable",
      message: `Could not reach ${providerName}.`,
      retryable: true,
      requestId,
      outcomeUnknown: !isRead && !neverSent(cause),
    });
  }

  return { request };
}

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds or an HTTP date. Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  // An HTTP date always names its day and month; without letters, Date.parse would read "-1" as a year.
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function buildUrl(baseUrl: string, path: string, query: HttpRequest<z.ZodType>["query"]): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ""}`;
}

function buildHeaders(options: HttpClientOptions, requestId: string | null, hasBody: boolean): Headers {
  const headers = new Headers(options.headers);
  headers.set("Accept", "application/json");
  if (hasBody) headers.set("Content-Type", "application/json");
  if (options.requestIdHeader && requestId) headers.set(options.requestIdHeader, requestId);
  return headers;
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  // An empty body (204) is handed to the schema as undefined; the caller's schema says whether that is fine.
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Names where the body first departs from the schema, never the body itself. */
function describeFirstIssue(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  if (!issue) return "";
  const path = issue.path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
  return `at ${path || "the top level"}: ${issue.message}`;
}

function withOutcomeUnknown(error: ProviderError): ProviderError {
  if (error.outcomeUnknown) return error;
  return new ProviderError({
    provider: error.provider,
    status: error.status,
    code: error.code,
    kind: error.kind,
    message: error.message,
    retryable: error.retryable,
    retryAfterSec: error.retryAfterSec,
    requestId: error.requestId,
    outcomeUnknown: true,
  });
}

/** The socket error code under undici's generic "fetch failed" (ECONNREFUSED, ECONNRESET…), for logs and triage. */
function causeCode(cause: unknown): string {
  for (let current = cause, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return cause instanceof Error ? cause.name : "unknown";
}

function neverSent(cause: unknown): boolean {
  return NEVER_SENT_CODES.has(causeCode(cause));
}

/** Jittered exponential backoff: half the step fixed, half random, so clients that failed together spread out. */
function backoffMs(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** `req_` + 12 alphanumerics, the shape of the provider's own request ids. */
export function createRequestId(): string {
  let id = "req_";
  while (id.length < 16) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      // 248 is the largest multiple of 62 below 256: dropping larger bytes keeps every character equally likely.
      if (byte < 248 && id.length < 16) id += ALPHANUMERIC[byte % 62];
    }
  }
  return id;
}

type Pacing = (method: HttpMethod) => Promise<void>;

function createPacing(rateLimit: HttpClientOptions["rateLimit"], sleep: (ms: number) => Promise<void>): Pacing {
  if (!rateLimit) return async () => {};
  const all = createSlidingWindow(rateLimit.perSecond, sleep);
  if (rateLimit.writesPerSecond === undefined) return () => all();
  const writes = createSlidingWindow(rateLimit.writesPerSecond, sleep);
  return (method) => (method === "GET" ? all() : writes());
}

/**
 * A second as the pacing measures it: a tenth longer than the provider's, so requests a full second apart
 * when sent are still a second apart when they are counted, after uneven time in transit and in queues.
 */
const PACING_WINDOW_MS = 1_100;

/**
 * At most `perSecond` requests in any one-second span: each request goes out once the request `perSecond`
 * places before it is a full window old. Providers count per second without saying where their seconds
 * start (the emulator counts whole clock seconds); a token bucket holding a second's worth would let
 * almost twice the limit into one such second, and draw 429s from it. Slots are reserved in call order,
 * so concurrent callers are served in arrival order.
 */
function createSlidingWindow(perSecond: number, sleep: (ms: number) => Promise<void>): () => Promise<void> {
  // The send times of the last `perSecond` requests, oldest first.
  const slots: number[] = [];

  return async () => {
    const now = performance.now();
    const oldest = slots.length < perSecond ? null : (slots[0] as number);
    const at = oldest === null ? now : Math.max(now, oldest + PACING_WINDOW_MS);
    slots.push(at);
    if (slots.length > perSecond) slots.shift();
    if (at > now) await sleep(Math.ceil(at - now));
  };
}
