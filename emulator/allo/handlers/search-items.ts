import { z } from "zod";
import { presentItem } from "../conversation-item";
import { alloFailure, isAlloFailure, type AlloFailure } from "../errors";
import { parseExtend } from "../extend";
import type { AlloRoute } from "../handler";
import { invalidBody } from "../invalid-body";
import { searchItems, type ItemQuery } from "../item-search";
import { readJsonBody } from "../json-body";
import { KeywordQuery } from "../keyword-query";

// Explicit nulls read as "not set", as they do for most JSON APIs.
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

/** `ItemSearchRequest` from the OpenAPI document. Unknown fields are ignored. */
const searchRequestSchema = z.object(
  {
    allo_number: optional(z.string()),
    contact_number: optional(z.string()),
    user_id: optional(z.string()),
    direction: optional(z.enum(["INBOUND", "OUTBOUND"])),
    type: optional(z.enum(["CALL", "SMS", "ALL"])),
    result: optional(z.enum(["ANSWERED", "VOICEMAIL", "TRANSFERRED"])),
    tags: optional(z.array(z.string())),
    // Accepted for compatibility; the emulator keeps no read or reply state, so they filter nothing.
    unread: optional(z.boolean()),
    unresponded: optional(z.boolean()),
    search: optional(z.string()),
    sort: optional(z.enum(["DATE_DESC", "DATE_ASC", "RELEVANCE"])),
    extend: optional(z.string()),
    page: optional(z.number()),
    size: optional(z.number()),
    // Checked by hand below: every problem with it is INVALID_DATE_RANGE, not INVALID_REQUEST_BODY.
    date: z.unknown().optional(),
  },
  { error: "The request body must be a JSON object." },
);

const DAY_MS = 86_400_000;

function parseDay(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a real calendar date survives the round trip.
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? null : ms;
}

/** `{from, to}`, both inclusive days in UTC, as a half-open millisecond range. */
function parseRange(date: unknown): ItemQuery["range"] | AlloFailure {
  if (date === undefined || date === null) return undefined;
  const from = typeof date === "object" ? parseDay((date as Record<string, unknown>).from) : null;
  const to = typeof date === "object" ? parseDay((date as Record<string, unknown>).to) : null;
  if (from === null || to === null || from > to) {
    return alloFailure("INVALID_DATE_RANGE", {
      message: "date needs from and to as YYYY-MM-DD, with from on or before to.",
      param: "date",
    });
  }
  return { fromMs: from, toMs: to + DAY_MS };
}

/** POST /v2/api/conversations/items/search: Allo's "list calls", with filters and keyword search. */
export const searchConversationItems: AlloRoute = {
  endpoint: "search",
  scope: "CONVERSATIONS_READ",
  handle: async ({ req, store }) => {
    const body = await readJsonBody(req);
    if (!body.ok) return body.failure;
    const parsed = searchRequestSchema.safeParse(body.value ?? {});
    if (!parsed.success) return invalidBody(parsed.error);
    const request = parsed.data;

    const page = request.page ?? 1;
    const size = request.size ?? 20;
    if (!Number.isInteger(page) || page < 1) {
      return alloFailure("INVALID_PAGE_SIZE", { message: "page must be an integer of at least 1.", param: "page" });
    }
    if (!Number.isInteger(size) || size < 1 || size > 100) {
      return alloFailure("INVALID_PAGE_SIZE", { message: "size must be an integer between 1 and 100.", param: "size" });
    }
    const range = parseRange(request.date);
    if (isAlloFailure(range)) return range;
    const extend = parseExtend(request.extend);
    if (isAlloFailure(extend)) return extend;

    const { records, total } = searchItems(store, {
      type: request.type ?? "ALL",
      alloNumber: request.allo_number,
      contactNumber: request.contact_number,
      userId: request.user_id,
      direction: request.direction,
      result: request.result,
      tags: request.tags,
      keywords: new KeywordQuery(request.search),
      range,
      sort: request.sort ?? "DATE_DESC",
      page,
      size,
    });
    return {
      status: 200,
      body: {
        data: records.map((record) => presentItem(store, record, extend)),
        pagination: { page, size, total_count: total, total_pages: Math.ceil(total / size), has_more: page * size < total },
      },
    };
  },
};
