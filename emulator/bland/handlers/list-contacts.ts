import { blandFailure } from "../errors";
import type { BlandRoute } from "../handler";
import { presentContact } from "../present";

const MAX_LIMIT = 200;

function integerParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const text = query.get(name);
  if (text === null || text === "") return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** GET /v1/contacts: contacts with their identifiers and memories, `limit` (1..200, default 50) from `offset`. */
export const listContacts: BlandRoute = {
  endpoint: "listContacts",
  handle: ({ url, store }) => {
    const limit = integerParam(url.searchParams, "limit", 50);
    const offset = integerParam(url.searchParams, "offset", 0);
    if (limit === null || limit < 1 || limit > MAX_LIMIT) return blandFailure("BAD_REQUEST", `limit must be an integer between 1 and ${MAX_LIMIT}`);
    if (offset === null) return blandFailure("BAD_REQUEST", "offset must be a non-negative integer");
    const contacts = store?.contacts ?? [];
    const page = contacts.slice(offset, offset + limit);
    return {
      status: 200,
      body: {
        data: page.map((contact) => presentContact(contact, store?.orgId ?? "")),
        pagination: { total: contacts.length, limit, offset, has_more: offset + page.length < contacts.length },
        errors: null,
      },
    };
  },
};
