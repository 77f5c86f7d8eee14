import { blandFailure } from "../errors";
import type { BlandRoute } from "../handler";
import { presentListedCall } from "../present";

const MAX_LIMIT = 1000;

function integerParam(query: URLSearchParams, name: string): number | null | undefined {
  const text = query.get(name);
  if (text === null || text === "") return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * GET /v1/calls: `{count, calls}` with no envelope. `from`/`to` are start (inclusive) and end (exclusive)
 * indexes into the sorted list, `limit` caps the page (default 1000), `count` is every match.
 */
export const listCalls: BlandRoute = {
  endpoint: "listCalls",
  handle: ({ url, store }) => {
    const query = url.searchParams;
    const from = integerParam(query, "from");
    const to = integerParam(query, "to");
    const limit = integerParam(query, "limit");
    for (const [name, value] of [["from", from], ["to", to], ["limit", limit]] as const) {
      if (value === null) return blandFailure("BAD_REQUEST", `${name} must be a non-negative integer`);
    }
    if (limit === 0 || (limit ?? 0) > MAX_LIMIT) return blandFailure("BAD_REQUEST", `limit must be between 1 and ${MAX_LIMIT}`);
    const sortBy = query.get("sort_by") ?? "created_at";
    if (sortBy !== "created_at") return blandFailure("BAD_REQUEST", "sort_by supports created_at only");
    const ascendingText = query.get("ascending");
    if (ascendingText !== null && ascendingText !== "true" && ascendingText !== "false") {
      return blandFailure("BAD_REQUEST", "ascending must be true or false");
    }
    if (store === null) return { status: 200, body: { count: 0, calls: [] } };

    const matches = store.callsMatching(query.get("from_number"), query.get("to_number"));
    const start = from ?? 0;
    const end = Math.min(matches.length, to ?? Infinity, start + (limit ?? MAX_LIMIT));
    const calls = [];
    for (let i = start; i < end; i++) {
      // Kept newest first; ascending reads the same list from the other end.
      const record = ascendingText === "true" ? matches[matches.length - 1 - i] : matches[i];
      if (record !== undefined) calls.push(presentListedCall(record));
    }
    return { status: 200, body: { count: matches.length, calls } };
  },
};
