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
};

/** The one error type for every provider failure. Its fields are safe to show: they never carry a key. */
export class ProviderError extends Error {
  readonly provider: ProviderId;
  readonly status: number | null;
  readonly code: string;
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  readonly retryAfterSec: number | null;
  readonly requestId: string | null;
  readonly outcomeUnknown: boolean;

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
