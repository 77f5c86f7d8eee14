import { parseRetryAfter } from "../http-client";
import { describeKind, isRetryableKind, kindForStatus, ProviderError, type ProviderErrorKind } from "../provider-error";
import { movedSchema, twilioErrorSchema } from "./schemas";

/** Used when the status alone does not say: Twilio's numeric code. */
const KIND_BY_CODE: Record<number, ProviderErrorKind> = {
  20003: "unauthorized",
  20404: "not_found",
  20409: "invalid",
  20412: "invalid",
  20429: "rate_limited",
  20500: "unavailable",
  20503: "unavailable",
};

/**
 * Maps a `TwilioError` body (`{code, message, more_info, status}`) to the one provider error; the numeric
 * code becomes the code ("20404"). The request id is Twilio's `Twilio-Request-Id` header.
 */
export function mapTwilioError(status: number, body: unknown, headers: Headers): ProviderError {
  const requestId = headers.get("twilio-request-id");
  const retryAfterSec = parseRetryAfter(headers.get("retry-after"));
  if (status === 301 || status === 308) return movedError(status, body, headers, requestId);

  const envelope = twilioErrorSchema.safeParse(body);
  const error = envelope.success ? envelope.data : null;
  const kind = kindFor(status, error?.code ?? null);
  return new ProviderError({
    provider: "twilio",
    status,
    code: error ? String(error.code) : `HTTP_${status}`,
    kind,
    message: error?.message || `${describeKind(kind, "Twilio", "this summary")} (HTTP ${status})`,
    retryable: isRetryableKind(kind),
    retryAfterSec,
    requestId,
  });
}

function kindFor(status: number, code: number | null): ProviderErrorKind {
  return kindForStatus(status) ?? (code === null ? undefined : KIND_BY_CODE[code]) ?? "invalid";
}

/**
 * fetch follows a merged profile's redirect to the canonical profile by itself (same host, so the
 * credentials go along). A redirect reaches here only when it could not be followed; it then names the
 * profile to configure instead.
 */
function movedError(status: number, body: unknown, headers: Headers, requestId: string | null): ProviderError {
  const canonical = headers.get("canonical-profile-id");
  const moved = movedSchema.safeParse(body);
  const detail = moved.success && moved.data.message ? ` ${moved.data.message}` : "";
  return new ProviderError({
    provider: "twilio",
    status,
    code: "MOVED_PERMANENTLY",
    kind: "not_found",
    message: canonical
      ? `Twilio merged this profile into ${canonical}; configure that profile ID instead.${detail}`
      : `Twilio moved this profile and Redline could not follow.${detail}`,
    retryable: false,
    requestId,
  });
}
