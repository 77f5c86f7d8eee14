import { parseRetryAfter } from "../http-client";
import { describeKind, isRetryableKind, kindForStatus, ProviderError } from "../provider-error";
import { apiErrorSchema, type QuoApiError } from "./schemas";

/**
 * Maps Quo's error body (`{message, code, status, docs, title, trace?, errors?}`) to the one provider error.
 * The code stays Quo's own string (`0100404`, `0500403`…): it names the operation as well as the failure.
 */
export function mapOpenPhoneError(status: number, body: unknown, headers: Headers): ProviderError {
  const envelope = apiErrorSchema.safeParse(body);
  const error = envelope.success ? envelope.data : null;
  const kind = kindForStatus(status) ?? "invalid";

  return new ProviderError({
    provider: "openphone",
    status,
    code: error?.code ?? `HTTP_${status}`,
    kind,
    message: describe(error) ?? `${describeKind(kind, "Quo", "this call")} (HTTP ${status})`,
    retryable: isRetryableKind(kind),
    // Quo documents no Retry-After for v1; honoured if it ever sends one.
    retryAfterSec: parseRetryAfter(headers.get("retry-after")),
    requestId: error?.trace || null,
  });
}

/** Quo's message, with the first field it names: "Too Many Participants" says little without the field. */
function describe(error: QuoApiError | null): string | null {
  if (!error) return null;
  const message = error.message || error.title;
  if (!message) return null;
  const field = error.errors?.find((entry) => entry.path && entry.message);
  return field ? `${message} (${field.path}: ${field.message})` : message;
}

/** Quo has no API to write a summary: corrections are kept in Redline's own store. */
export function readOnlyError(): ProviderError {
  return new ProviderError({
    provider: "openphone",
    status: null,
    code: "READ_ONLY",
    kind: "invalid",
    message: "Quo has no API to change a call summary; Redline keeps corrections to Quo summaries in its own store.",
    retryable: false,
  });
}
