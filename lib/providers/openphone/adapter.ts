import "server-only";
import { receiveQuoWebhook } from "./webhook";
import { createHttpClient, type RateLimit } from "../http-client";
import { isProviderError } from "../provider-error";
import type { ProviderAdapter } from "../types";
import { openPhoneCapabilities } from "./capabilities";
import { mapOpenPhoneError, readOnlyError } from "./errors";
import { mergeNewestFirst, type NewestFirstMerge, type SourcePage } from "./merge-newest-first";
import { readQuoPeople } from "./people";
import {
  callResponseSchema,
  callSummaryResponseSchema,
  listCallsResponseSchema,
  transcriptResponseSchema,
  type QuoCall,
} from "./schemas";
import { counterpartOf, toCallDetail, toCallListItem, toSummarySnapshot, type QuoRead } from "./transform";
import { QUO_MAX_PAGE_SIZE, assertCallId, assertListQuery } from "./validation";

/**
 * One Quo number and the people whose calls with it Redline lists. Quo lists calls one conversation at a
 * time: `GET /v1/calls` needs a `phoneNumberId` and exactly one participant.
 */
export type QuoLine = {
  phoneNumberId: string;
  /** External numbers, E.164. */
  participants: string[];
  /** Whose access to the number to list with (`US…`); Quo defaults to the workspace owner. */
  userId?: string;
};

export type OpenPhoneAdapterOptions = {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  lines: QuoLine[];
  /** The `whsec_…` key of the workspace's summary/transcript webhook; without it, deliveries are not taken. */
  webhookSecret?: string | null;
  fetch?: typeof fetch;
  /** Waits for pacing and retries; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Client-side pacing; Quo's documented 10 requests/s by default. `null` turns it off, for a stand-in
   * that enforces no limit (an emulator run without rate limits), where pacing would only slow tests down.
   */
  rateLimit?: RateLimit | null;
};

/** Quo's documented limit: 10 requests/s per API key. */
const QUO_RATE_LIMIT: RateLimit = { perSecond: 10 };

/**
 * Reading page n of a merged list means merging everything before it, so the merge a page stopped at is
 * kept for the page after it: a sync that walks the pages in order reads each conversation once, not once
 * per page. A kept merge is a snapshot; after this long a page starts afresh from Quo.
 */
const CURSOR_TTL_MS = 5 * 60_000;
const MAX_CURSORS = 16;

type ListedCall = { call: QuoCall; counterpart: string };
type Cursor = { merge: NewestFirstMerge<ListedCall>; savedAt: number };

export function createOpenPhoneAdapter(options: OpenPhoneAdapterOptions): ProviderAdapter {
  const http = createHttpClient({
    provider: "openphone",
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    // The raw key: "The Quo API does not use a Bearer token for authentication."
    headers: { Authorization: options.apiKey },
    mapError: mapOpenPhoneError,
    rateLimit: options.rateLimit === undefined ? QUO_RATE_LIMIT : (options.rateLimit ?? undefined),
    fetch: options.fetch,
    sleep: options.sleep,
  });
  const lines = options.lines;
  const cursors = new Map<number, Cursor>();

  async function fetchCalls(
    line: QuoLine,
    participant: string,
    maxResults: number,
    pageToken: string | null,
  ): Promise<SourcePage<ListedCall>> {
    const { data, nextPageToken } = await http.request({
      method: "GET",
      path: "/v1/calls",
      query: {
        phoneNumberId: line.phoneNumberId,
        participants: participant,
        maxResults,
        userId: line.userId,
        pageToken: pageToken ?? undefined,
      },
      schema: listCallsResponseSchema,
    });
    return { items: data.map((call) => ({ call, counterpart: participant })), nextToken: nextPageToken };
  }

  /** Quo lists a conversation newest first (its default order, not a documented one: pages are also sorted on arrival). */
  function mergeAll(maxResults: number): NewestFirstMerge<ListedCall> {
    const sources = lines.flatMap((line) =>
      line.participants.map((participant) => (pageToken: string | null) => fetchCalls(line, participant, maxResults, pageToken)),
    );
    return mergeNewestFirst(sources, { time: ({ call }) => Date.parse(call.createdAt), id: ({ call }) => call.id });
  }

  /** A merge positioned at `offset`, and how many calls really lie before it (fewer past the end). */
  async function mergeAt(offset: number, size: number): Promise<{ merge: NewestFirstMerge<ListedCall>; position: number }> {
    const saved = cursors.get(offset);
    // Taken out while in use: two requests for the same page never share one merge.
    cursors.delete(offset);
    if (saved && Date.now() - saved.savedAt < CURSOR_TTL_MS) return { merge: saved.merge, position: offset };
    // No conversation can contribute more than offset + size calls to this page.
    const merge = mergeAll(Math.min(QUO_MAX_PAGE_SIZE, offset + size));
    const skipped = offset > 0 ? (await merge.take(offset)).length : 0;
    return { merge, position: skipped };
  }

  function keepCursor(offset: number, merge: NewestFirstMerge<ListedCall>): void {
    cursors.delete(offset);
    cursors.set(offset, { merge, savedAt: Date.now() });
    for (const key of cursors.keys()) {
      if (cursors.size <= MAX_CURSORS) break;
      cursors.delete(key);
    }
  }

  const toItem = ({ call, counterpart }: ListedCall) => toCallListItem(call, counterpart);
  const participantsOf = (phoneNumberId: string) => lines.find((line) => line.phoneNumberId === phoneNumberId)?.participants ?? [];

  const { webhookSecret } = options;
  return {
    ...(webhookSecret ? { receiveWebhook: (body: string, headers: Headers) => receiveQuoWebhook(webhookSecret, body, headers) } : {}),
    id: "openphone",
    capabilities: openPhoneCapabilities,

    async listCalls(query) {
      assertListQuery(query);
      const offset = (query.page - 1) * query.size;
      const { merge, position } = await mergeAt(offset, query.size);
      let listed: ListedCall[];
      try {
        listed = await merge.take(query.size);
      } catch (error) {
        // The failed take left the merge at this page: asking for the page again (a sync resuming) carries
        // on from here, without reading every conversation again.
        keepCursor(position, merge);
        throw error;
      }
      const hasMore = merge.hasMore();
      if (hasMore) keepCursor(position + listed.length, merge);
      return {
        items: listed.map(toItem),
        page: query.page,
        size: query.size,
        // Quo's own totalItems is documented as wrong; this counts what has been seen, exact once nothing is left.
        totalCount: position + listed.length + merge.buffered(),
        hasMore,
      };
    },

    async getCall(callId) {
      assertCallId(callId);
      const id = encodeURIComponent(callId);
      // Three independent reads, sent together; the pacing keeps them within Quo's limit.
      const [call, transcript, summary] = await Promise.allSettled([
        http.request({ method: "GET", path: `/v1/calls/${id}`, schema: callResponseSchema }),
        http.request({ method: "GET", path: `/v1/call-transcripts/${id}`, schema: transcriptResponseSchema }),
        http.request({ method: "GET", path: `/v1/call-summaries/${id}`, schema: callSummaryResponseSchema }),
      ]);
      if (call.status === "rejected") throw call.reason;
      const data = call.value.data;
      return toCallDetail(data, readOrMissing(transcript), readOrMissing(summary), counterpartOf(data, participantsOf(data.phoneNumberId)));
    },

    async summaryTarget(callId) {
      assertCallId(callId);
      return { provider: "openphone", id: callId, templateKey: null };
    },

    async getSummary(target) {
      assertCallId(target.id);
      const summary = await http
        .request({ method: "GET", path: `/v1/call-summaries/${encodeURIComponent(target.id)}`, schema: callSummaryResponseSchema })
        .then(
          (answer) => ({ status: "fulfilled" as const, value: answer }),
          (reason: unknown) => ({ status: "rejected" as const, reason }),
        );
      return toSummarySnapshot(readOrMissing(summary));
    },

    async updateSummary() {
      throw readOnlyError();
    },

    people(request) {
      return readQuoPeople(http, request);
    },
  };
}

/**
 * A call Quo has not transcribed or summarised (yet) answers 404 there: an absence, not a failure. Outside its
 * Business and Scale plans Quo answers 403 for both: the plan withholds them, which the page says plainly.
 */
function readOrMissing<T>(result: PromiseSettledResult<{ data: T }>): QuoRead<T> {
  if (result.status === "fulfilled") return { data: result.value.data };
  if (isProviderError(result.reason) && result.reason.kind === "not_found") return { missing: "absent" };
  if (isProviderError(result.reason) && result.reason.kind === "forbidden") return { missing: "not_in_plan" };
  throw result.reason;
}
