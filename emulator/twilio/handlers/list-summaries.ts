import { ttid } from "../../data/sections/twilio-section";
import { twilioFailure } from "../errors";
import type { TwilioRoute } from "../handler";
import { presentSummary } from "../present";
import { checkIds } from "../resource-ids";

/** The response schema holds at most 50 summaries a page, whatever `pageSize` asks for. */
const MAX_PAGE_ITEMS = 50;

type Token = { offset: number; conversationId: string | null };

function encodeToken(token: Token): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

function decodeToken(text: string): Token | null {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Partial<Token>;
    if (!Number.isInteger(value.offset) || (value.offset as number) < 0) return null;
    return { offset: value.offset as number, conversationId: value.conversationId ?? null };
  } catch {
    return null;
  }
}

/**
 * GET …/ConversationSummaries: newest conversation first. `meta.key` is always `summaries`: the
 * official SDK reads the list from `payload[meta.key]` and fails without it.
 */
export const listSummaries: TwilioRoute = {
  endpoint: "listSummaries",
  write: false,
  handle: ({ url, params, store }) => {
    const invalid = checkIds(params);
    if (invalid) return invalid;
    const query = url.searchParams;
    const pageSizeText = query.get("pageSize");
    const pageSize = pageSizeText === null ? 50 : Number(pageSizeText);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      return twilioFailure(400, "Invalid pageSize: expected an integer between 1 and 1000");
    }
    const conversationId = query.get("conversationId");
    if (conversationId !== null && !ttid.conversation.test(conversationId)) {
      return twilioFailure(400, `Invalid conversationId '${conversationId}'`);
    }
    const pageToken = query.get("pageToken");
    const token = pageToken === null || pageToken === "" ? { offset: 0, conversationId } : decodeToken(pageToken);
    if (pageToken !== null && pageToken.length > 4096) return twilioFailure(400, "Invalid pageToken: longer than 4096 characters");
    if (token === null || token.conversationId !== conversationId) return twilioFailure(400, "Invalid pageToken");

    const storeId = params.storeId as string;
    const profileId = params.profileId as string;
    const all = store.summaries(storeId, profileId);
    if (all === undefined) {
      return twilioFailure(404, store.hasStore(storeId) ? `Profile ${profileId} not found` : `Store ${storeId} not found`);
    }
    const matching = conversationId === null ? all : all.filter((summary) => summary.conversationId === conversationId);
    const size = Math.min(pageSize, MAX_PAGE_ITEMS);
    const page = matching.slice(token.offset, token.offset + size);
    const next = token.offset + page.length;
    return {
      status: 200,
      headers: { "Canonical-Profile-Id": profileId },
      body: {
        summaries: page.map(presentSummary),
        meta: {
          key: "summaries",
          pageSize: size,
          ...(next < matching.length ? { nextToken: encodeToken({ offset: next, conversationId }) } : {}),
          ...(token.offset > 0 ? { previousToken: encodeToken({ offset: Math.max(0, token.offset - size), conversationId }) } : {}),
        },
      },
    };
  },
};
