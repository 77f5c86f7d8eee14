import type { ListQuery } from "../types";
import { ProviderError } from "../provider-error";
import { templateKeySchema, type AlloTemplateKey } from "./schemas";

/**
 * Allo's documented limit is "100,000 characters" (OpenAPI `maxLength: 100000`). JSON Schema counts
 * code points; a JavaScript string's length counts UTF-16 code units, which is never fewer. Checking the
 * JavaScript length is therefore never looser than Allo, and it is what the browser's textarea counts, so
 * the editor's counter and this check agree. Cost: text heavy in emoji may be refused a little early.
 */
export const ALLO_MAX_SUMMARY_LENGTH = 100_000;
export const ALLO_MAX_PAGE_SIZE = 100;

const READABLE_PREFIXES = ["cll-", "msg-"] as const;
const CALL_PREFIX = "cll-";

/**
 * These checks refuse, before any network call, what Allo would refuse, with Allo's own code. The error has
 * no HTTP status and no request id, since no request was made.
 */
function invalid(code: string, message: string): ProviderError {
  return new ProviderError({ provider: "allo", status: null, code, kind: "invalid", message, retryable: false });
}

function hasPrefix(id: string, prefix: string): boolean {
  return id.startsWith(prefix) && id.length > prefix.length;
}

/** Calls (`cll-…`) and messages (`msg-…`) can be read. */
export function assertReadableItemId(id: string): void {
  if (!READABLE_PREFIXES.some((prefix) => hasPrefix(id, prefix))) {
    throw invalid("INVALID_ITEM_ID", "Allo item IDs start with cll- (calls) or msg- (messages).");
  }
}

/** Only calls have summaries: a message ID is refused as Allo would refuse it. */
export function assertSummaryCallId(id: string): void {
  if (!hasPrefix(id, CALL_PREFIX)) {
    throw invalid("INVALID_ITEM_ID", "Only calls have summaries: Allo call IDs start with cll-.");
  }
}

export function assertSummaryContent(content: string): void {
  if (typeof content !== "string") {
    throw invalid("INVALID_REQUEST_BODY", "The summary content is missing.");
  }
  if (content.length > ALLO_MAX_SUMMARY_LENGTH) {
    throw invalid(
      "INVALID_REQUEST_BODY",
      `The summary is ${content.length.toLocaleString("en-US")} characters; Allo accepts at most ${ALLO_MAX_SUMMARY_LENGTH.toLocaleString("en-US")}.`,
    );
  }
}

export function parseTemplateKey(templateKey: string | null): AlloTemplateKey | null {
  if (templateKey === null) return null;
  const parsed = templateKeySchema.safeParse(templateKey);
  if (!parsed.success) {
    throw invalid("INVALID_REQUEST_BODY", `Allo has no summary template "${templateKey}".`);
  }
  return parsed.data;
}

export function assertListQuery({ page, size }: ListQuery): void {
  // Allo answers a page number out of range with the same code as a size out of range.
  if (!Number.isInteger(page) || page < 1) {
    throw invalid("INVALID_PAGE_SIZE", "Pages are numbered from 1.");
  }
  if (!Number.isInteger(size) || size < 1 || size > ALLO_MAX_PAGE_SIZE) {
    throw invalid("INVALID_PAGE_SIZE", `Allo pages hold 1 to ${ALLO_MAX_PAGE_SIZE} items.`);
  }
}
