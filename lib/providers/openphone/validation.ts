import { ProviderError } from "../provider-error";
import type { ListQuery } from "../types";

/**
 * Quo has no summary write, so this is the ceiling of Redline's own store for Quo corrections: the same
 * 100,000 characters as the largest provider limit, which the editor is built and measured for.
 */
export const QUO_MAX_SUMMARY_LENGTH = 100_000;
/** Quo's `maxResults` ceiling, and so the most one merged page asks of each number. */
export const QUO_MAX_PAGE_SIZE = 100;

const CALL_ID = /^AC\w+$/;

/** Refusals made before any request: no HTTP status, no request id. */
function invalid(code: string, message: string): ProviderError {
  return new ProviderError({ provider: "openphone", status: null, code, kind: "invalid", message, retryable: false });
}

/** Quo call ids start with AC (the spec's `^AC(.*)$`); anything else would only earn a 400 or 404. */
export function assertCallId(id: string): void {
  if (!CALL_ID.test(id)) throw invalid("INVALID_CALL_ID", "Quo call IDs start with AC.");
}

export function assertListQuery({ page, size }: ListQuery): void {
  if (!Number.isInteger(page) || page < 1) throw invalid("INVALID_PAGE", "Pages are numbered from 1.");
  if (!Number.isInteger(size) || size < 1 || size > QUO_MAX_PAGE_SIZE) {
    throw invalid("INVALID_PAGE_SIZE", `Quo pages hold 1 to ${QUO_MAX_PAGE_SIZE} calls.`);
  }
}
