import { ProviderError } from "../provider-error";
import type { ListQuery } from "../types";
import { profileIdSchema, storeIdSchema, summaryIdSchema } from "./schemas";

/**
 * Twilio's documented limit: `content` is 1 to 4,096 characters. JSON Schema counts code points and a
 * JavaScript string's length UTF-16 units, never fewer, so this check is never looser than Twilio's, and it
 * counts what the browser's text field counts.
 */
export const TWILIO_MAX_SUMMARY_LENGTH = 4_096;
export const TWILIO_MAX_PAGE_SIZE = 100;

/**
 * Redline's id for a Twilio summary names its profile and the summary: `<profileId>~<summaryId>`. Both are
 * TTIDs (lower-case letters, digits and `_`), and `~` is unreserved in URLs, so the id is its own URL
 * encoding. The store is configured once, so it is not repeated.
 */
export const CALL_ID_SEPARATOR = "~";

/** Refusals made before any request: no HTTP status, no request id. */
function invalid(code: string, message: string): ProviderError {
  return new ProviderError({ provider: "twilio", status: null, code, kind: "invalid", message, retryable: false });
}

export function formatCallId(profileId: string, summaryId: string): string {
  return `${profileId}${CALL_ID_SEPARATOR}${summaryId}`;
}

export function parseCallId(callId: string): { profileId: string; summaryId: string } {
  const [profileId = "", summaryId = "", ...rest] = callId.split(CALL_ID_SEPARATOR);
  if (rest.length > 0 || !profileIdSchema.safeParse(profileId).success || !summaryIdSchema.safeParse(summaryId).success) {
    throw invalid("INVALID_CALL_ID", "Twilio summaries are identified as <mem_profile_…>~<mem_summary_…>.");
  }
  return { profileId, summaryId };
}

export function assertSummaryContent(content: string): void {
  if (typeof content !== "string" || content.length === 0) {
    throw invalid("SUMMARY_EMPTY", "Twilio needs a summary of at least one character.");
  }
  if (content.length > TWILIO_MAX_SUMMARY_LENGTH) {
    throw invalid(
      "SUMMARY_TOO_LONG",
      `The summary is ${content.length.toLocaleString("en-US")} characters; Twilio accepts at most ${TWILIO_MAX_SUMMARY_LENGTH.toLocaleString("en-US")}.`,
    );
  }
}

export function assertListQuery({ page, size }: ListQuery): void {
  if (!Number.isInteger(page) || page < 1) throw invalid("INVALID_PAGE", "Pages are numbered from 1.");
  if (!Number.isInteger(size) || size < 1 || size > TWILIO_MAX_PAGE_SIZE) {
    throw invalid("INVALID_PAGE_SIZE", `Twilio summary pages hold 1 to ${TWILIO_MAX_PAGE_SIZE} items.`);
  }
}

/** The configured store and profiles, checked when the adapter is made: a typo is a configuration error, not a 404 later. */
export function assertConfiguredIds(storeId: string, profileIds: readonly string[]): void {
  if (!storeIdSchema.safeParse(storeId).success) throw new Error(`Not a Twilio Memory Store ID: ${storeId}`);
  if (profileIds.length === 0) throw new Error("Twilio Memory needs at least one profile ID.");
  const wrong = profileIds.find((id) => !profileIdSchema.safeParse(id).success);
  if (wrong !== undefined) throw new Error(`Not a Twilio Memory profile ID: ${wrong}`);
}
