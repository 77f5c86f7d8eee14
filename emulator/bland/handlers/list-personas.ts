import { blandFailure } from "../errors";
import type { BlandRoute } from "../handler";
import { presentPersona } from "../present";

const MAX_LIMIT = 100;

function positiveParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const text = query.get(name);
  if (text === null || text === "") return fallback;
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? value : null;
}

/**
 * GET /v1/personas: the organisation's personas, `page` (from 1) of `limit` (1..100, default 20). Bland's
 * page shows only `data`; the emulator adds the usual `errors: null` and no paging fields, so a client
 * reads pages until one comes back short.
 */
export const listPersonas: BlandRoute = {
  endpoint: "listPersonas",
  handle: ({ url, store }) => {
    const page = positiveParam(url.searchParams, "page", 1);
    const limit = positiveParam(url.searchParams, "limit", 20);
    if (page === null) return blandFailure("BAD_REQUEST", "page must be a positive integer");
    if (limit === null || limit > MAX_LIMIT) return blandFailure("BAD_REQUEST", `limit must be an integer between 1 and ${MAX_LIMIT}`);
    const personas = store?.personas ?? [];
    const from = (page - 1) * limit;
    return {
      status: 200,
      body: { data: personas.slice(from, from + limit).map((persona) => presentPersona(persona, store?.numberLabels ?? new Map())), errors: null },
    };
  },
};
