import { parseRetryAfter } from "../http-client";
import { describeKind, isRetryableKind, kindForStatus, ProviderError, type ProviderErrorKind } from "../provider-error";
import { apiErrorSchema } from "./schemas";

/** Bland documents its envelope codes but not the statuses that carry them: the code decides when the status does not. */
const KIND_BY_CODE: Record<string, ProviderErrorKind> = {
  BAD_REQUEST: "invalid",
  INVALID_REQUEST: "invalid",
  VALIDATION_ERROR: "invalid",
  UNAUTHORIZED: "unauthorized",
  INVALID_API_KEY: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  RATE_LIMITED: "rate_limited",
  TOO_MANY_REQUESTS: "rate_limited",
  INTERNAL_SERVER_ERROR: "unavailable",
  INTERNAL_ERROR: "unavailable",
};

/**
 * Maps Bland's error answers to the one provider error: the memory and contacts envelope
 * (`{data: null, errors: [{error, message}]}`, whose `error` is the code) and the bare objects of the call
 * endpoints (`{message}` or `{error}`), which carry no code: theirs is `HTTP_<status>`. Also used for an
 * envelope that reports errors under a 2xx status.
 */
export function mapBlandError(status: number, body: unknown, headers: Headers): ProviderError {
  const { code, message } = readError(body);
  const kind = kindFor(status, code);
  return new ProviderError({
    provider: "bland",
    status,
    code: code ?? `HTTP_${status}`,
    kind,
    message: message || `${describeKind(kind, "Bland", "this call or contact memory")} (HTTP ${status})`,
    retryable: isRetryableKind(kind),
    retryAfterSec: parseRetryAfter(headers.get("retry-after")),
    // Bland documents no request id.
    requestId: null,
  });
}

function readError(body: unknown): { code: string | null; message: string | null } {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) return { code: null, message: null };
  const error = parsed.data;
  if ("errors" in error) {
    const first = error.errors[0];
    if (typeof first === "string") return { code: null, message: first };
    return { code: first?.error || null, message: first?.message || null };
  }
  if ("message" in error) return { code: null, message: error.message };
  // A bare `{error: "..."}` is a sentence, not a code.
  return { code: null, message: error.error };
}

function kindFor(status: number, code: string | null): ProviderErrorKind {
  const byStatus = kindForStatus(status);
  if (byStatus) return byStatus;
  if (code) return KIND_BY_CODE[code] ?? (code.endsWith("NOT_FOUND") ? "not_found" : "invalid");
  return "invalid";
}

/** Redline found no contact memory for the call's customer and agent, so there is no summary to write to. */
export function noContactMemoryError(): ProviderError {
  return new ProviderError({
    provider: "bland",
    status: null,
    code: "NO_CONTACT_MEMORY",
    kind: "not_found",
    message:
      "Bland has no contact memory for this call's customer and agent (or persona), so there is no summary to save. " +
      "A memory appears once Bland's memory feature has recorded a call with this contact.",
    retryable: false,
  });
}
