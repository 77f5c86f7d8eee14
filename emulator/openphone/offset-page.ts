import { quoFailure, type QuoFailure, type QuoFieldError } from "./errors";

/** Opaque to clients: where the next page starts. */
export const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");

export function decodeToken(token: string): number | null {
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown };
    return Number.isInteger(value.o) && (value.o as number) >= 0 ? (value.o as number) : null;
  } catch {
    return null;
  }
}

export const field = (path: string, message: string, value: unknown, type: string): QuoFieldError => ({ path: `/${path}`, message, value, schema: { type } });

/**
 * A page of a Quo v1 list that takes `maxResults` (required, 1 to `max`) and `pageToken`:
 * `{data, totalItems, nextPageToken}`, or the 400 naming each bad parameter (with `extra` problems the
 * endpoint found in its own parameters).
 */
export function offsetPage<T>(
  query: URLSearchParams,
  items: readonly T[],
  max: number,
  extra: QuoFieldError[] = [],
): { page: T[]; body: { totalItems: number; nextPageToken: string | null } } | QuoFailure {
  const problems = [...extra];
  const maxResultsText = query.get("maxResults");
  const maxResults = maxResultsText === null ? NaN : Number(maxResultsText);
  if (maxResultsText === null) problems.push(field("maxResults", "Required property", undefined, "integer"));
  else if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > max) {
    problems.push(field("maxResults", `Expected integer between 1 and ${max}`, maxResultsText, "integer"));
  }
  const pageToken = query.get("pageToken");
  const offset = pageToken === null || pageToken === "" ? 0 : decodeToken(pageToken);
  if (offset === null) problems.push(field("pageToken", "Invalid page token", pageToken, "string"));
  if (problems.length > 0) return quoFailure(400, problems.map((problem) => `${problem.path.slice(1)}: ${problem.message}`).join("; "), problems);

  const start = offset as number;
  const end = Math.min(items.length, start + maxResults);
  return {
    page: items.slice(start, Math.max(start, end)),
    body: { totalItems: items.length, nextPageToken: end < items.length ? encodeToken(end) : null },
  };
}
