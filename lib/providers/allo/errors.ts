import { parseRetryAfter } from "../http-client";
import { describeKind, isRetryableKind, kindForStatus, ProviderError, type ProviderErrorKind } from "../provider-error";
import { apiErrorSchema } from "./schemas";

/** Used when the status alone does not say (an unusual 4xx): the envelope's `type`. */
const KIND_BY_TYPE: Record<string, ProviderErrorKind> = {
  authentication_error: "unauthorized",
  permission_error: "forbidden",
  validation_error: "invalid",
  not_found_error: "not_found",
  conflict_error: "invalid",
  rate_limit_error: "rate_limited",
  server_error: "unavailable",
};

/** Maps an Allo v2 error answer (`{error:{type,code,message,retryable,request_id,…}}`) to the one provider error. */
export function mapAlloError(status: number, body: unknown, headers: Headers): ProviderError {
  const envelope = apiErrorSchema.safeParse(body);
  const error = envelope.success ? envelope.data.error : null;
  const kind = kindFor(status, error?.type ?? null);
  const retryAfterSec = error?.retry_after_seconds ?? parseRetryAfter(headers.get("retry-after"));

  return new ProviderError({
    provider: "allo",
    status,
    code: error?.code ?? `HTTP_${status}`,
    kind,
    message: error?.message || `${describeKind(kind, "Allo", "this item")} (HTTP ${status})`,
    // Allo documents rate-limit errors as always retryable, whatever a body says.
    retryable: kind === "rate_limited" || (error?.retryable ?? isRetryableKind(kind)),
    retryAfterSec,
    requestId: error?.request_id || headers.get("x-request-id"),
    // A call with both templates completed: the write must say which one it replaces.
    reason: error?.code === "SUMMARY_TEMPLATE_KEY_REQUIRED" ? "template_required" : null,
  });
}

function kindFor(status: number, type: string | null): ProviderErrorKind {
  return kindForStatus(status) ?? (type ? KIND_BY_TYPE[type] : undefined) ?? "invalid";
}
