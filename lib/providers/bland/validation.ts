import { ProviderError } from "../provider-error";
import type { ListQuery } from "../types";

/**
 * Bland documents no limit on a contact memory's summary. It is "a rolling plain-text overview" that the
 * agent reads at the start of every conversation, so it must stay a short preamble: 10,000 characters
 * holds any overview Bland writes several times over while keeping the agent's context small. Counted in
 * UTF-16 units, as the browser's text field counts.
 */
export const BLAND_MAX_SUMMARY_LENGTH = 10_000;
/** Bland's own default `limit` for the call list. */
export const BLAND_MAX_PAGE_SIZE = 1_000;

const CALL_ID = /^[\w-]{1,128}$/;

/** Refusals made before any request: no HTTP status, no request id. */
function invalid(code: string, message: string): ProviderError {
  return new ProviderError({ provider: "bland", status: null, code, kind: "invalid", message, retryable: false });
}

/** Bland call ids are UUIDs; anything outside letters, digits, `_` and `-` is refused before it reaches a URL. */
export function assertCallId(id: string): void {
  if (!CALL_ID.test(id)) throw invalid("INVALID_CALL_ID", "Bland call IDs are made of letters, digits and dashes.");
}

export function assertSummaryContent(content: string): void {
  // Bland refuses a missing summary with BAD_REQUEST "summary is required"; an empty one is refused the same way.
  if (typeof content !== "string" || content === "") {
    throw invalid("BAD_REQUEST", "Bland needs a summary: it cannot be empty.");
  }
  if (content.length > BLAND_MAX_SUMMARY_LENGTH) {
    throw invalid(
      "SUMMARY_TOO_LONG",
      `The summary is ${content.length.toLocaleString("en-US")} characters; Redline keeps Bland summaries to ${BLAND_MAX_SUMMARY_LENGTH.toLocaleString("en-US")}.`,
    );
  }
}

export function assertListQuery({ page, size }: ListQuery): void {
  if (!Number.isInteger(page) || page < 1) throw invalid("INVALID_PAGE", "Pages are numbered from 1.");
  if (!Number.isInteger(size) || size < 1 || size > BLAND_MAX_PAGE_SIZE) {
    throw invalid("INVALID_PAGE_SIZE", `Bland pages hold 1 to ${BLAND_MAX_PAGE_SIZE.toLocaleString("en-US")} calls.`);
  }
}
