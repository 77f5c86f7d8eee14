import type { ProviderId } from "./provider-id";

export type ProviderErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "contract";

export type ProviderErrorInit = {
  provider: ProviderId;
  status: number | null;
  code: string;
  kind: ProviderErrorKind;
  message: string;
  retryable: boolean;
  retryAfterSec?: number | null;
  requestId?: string | null;
  /** The request may have reached the provider: its outcome is unknown (a write that timed out). */
  outcomeUnknown?: boolean;
  /** What the failure asks of the reviewer, in Redline's words, where the provider's code means one: use cases read this, never a provider's code. */
  reason?: ProviderErrorReason | null;
};

/** "template_required": the call has several summary templates and the write must name one (Allo). */
export type ProviderErrorReason = "template_required";

/**
 * A brand shared by every copy of this module. Next bundles server code more than once (a route handler and a
 * server action may each carry their own copy), and the adapters live on `globalThis`: an error thrown by one
 * copy's class is not an `instanceof` the other's. `Symbol.for` is the same symbol in every copy.
 */
const providerErrorBrand = Symbol.for("redline.ProviderError");

/** The one error type for every provider failure. Its fields are safe to show: they never carry a key. */
export class ProviderError extends Error {
  readonly [providerErrorBrand] = true;
  readonly provider: ProviderId;
  readonly status: number | null;
  readonly code: string;
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  readonly retryAfterSec: number | null;
  readonly requestId: string | null;
  readonly outcomeUnknown: boolean;
  readonly reason: ProviderErrorReason | null;

  constructor(init: ProviderErrorInit) {
    super(init.message);
    this.name = "ProviderError";
    this.provider = init.provider;
    this.status = init.status;
    this.code = init.code;
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.retryAfterSec = init.retryAfterSec ?? null;
    this.requestId = init.requestId ?? null;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
    this.reason = init.reason ?? null;
  }

  toJSON() {
    return {
      provider: this.provider,
      status: this.status,
      code: this.code,
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
      retryAfterSec: this.retryAfterSec,
      requestId: this.requestId,
    };
  }
}

export type ProviderErrorDetails = ReturnType<ProviderError["toJSON"]>;

/** Whether a value is a ProviderError from any copy of this module: by brand, never by `instanceof` alone. */
export function isProviderError(value: unknown): value is ProviderError {
  return (
    value instanceof Error &&
    (value as unknown as Record<symbol, unknown>)[providerErrorBrand] === true &&
    typeof (value as ProviderError).kind === "string" &&
    typeof (value as ProviderError).toJSON === "function"
  );
}

const kindByStatus: Partial<Record<number, ProviderErrorKind>> = {
  400: "invalid",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "invalid",
  408: "timeout",
  // No provider checks a version on summaries: a 409 or 412 is a request refused for another reason
  // (a tag that exists, a control-plane precondition), never someone else's edit. Redline finds those itself.
  409: "invalid",
  412: "invalid",
  415: "invalid",
  422: "invalid",
  429: "rate_limited",
};

/** What an HTTP status means for any provider; undefined for an unusual 4xx, where the provider's own code decides. */
export function kindForStatus(status: number): ProviderErrorKind | undefined {
  return status >= 500 ? "unavailable" : kindByStatus[status];
}

/** Kinds worth trying again later: the provider was busy, down or slow, not refusing. */
export function isRetryableKind(kind: ProviderErrorKind): boolean {
  return kind === "rate_limited" || kind === "unavailable" || kind === "timeout";
}

/** A sentence for an error answer that carries no message of its own: `missing` names what a 404 could not find. */
export function describeKind(kind: ProviderErrorKind, provider: string, missing: string): string {
  switch (kind) {
    case "invalid":
      return `${provider} refused the request.`;
    case "unauthorized":
      return `${provider} did not accept the API key.`;
    case "forbidden":
      return `The ${provider} API key is not allowed to do this.`;
    case "not_found":
      return `${provider} could not find ${missing}.`;
    case "rate_limited":
      return `Too many requests to ${provider}. Try again shortly.`;
    case "unavailable":
      return `${provider} is unavailable right now.`;
    case "timeout":
      return `${provider} did not answer in time.`;
    case "contract":
      return `${provider} answered in an unexpected way.`;
  }
}

/** The status Redline's own API answers a provider's refusal with: an id it does not know is a 404, not its failure. */
export function providerErrorStatus(kind: ProviderErrorKind): 404 | 429 | 502 {
  if (kind === "not_found" || kind === "invalid") return 404;
  return kind === "rate_limited" ? 429 : 502;
}
