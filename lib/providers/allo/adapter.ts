import "server-only";
import { createHttpClient, type RateLimit } from "../http-client";
import type { ProviderAdapter } from "../types";
import { alloCapabilities } from "./capabilities";
import { mapAlloError } from "./errors";
import {
  callSummaryResponseSchema,
  itemResponseSchema,
  itemSearchRequestSchema,
  itemSearchResponseSchema,
  updateSummaryRequestSchema,
} from "./schemas";
import { toAppliedOutcome, toCallDetail, toCallPage, toSummarySnapshot } from "./transform";
import {
  assertListQuery,
  assertReadableItemId,
  assertSummaryCallId,
  assertSummaryContent,
  parseTemplateKey,
} from "./validation";

export type AlloAdapterOptions = {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Waits for pacing and retries; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Client-side pacing; Allo's documented per-key limits by default. `null` turns it off, for a stand-in
   * that enforces no limit (an emulator run without rate limits), where pacing would only slow tests down.
   */
  rateLimit?: RateLimit | null;
};

/** Allo's documented limits are per API key: 20 reads/s (GET) and 5 writes/s (every other method, search included). */
const ALLO_RATE_LIMIT: RateLimit = { perSecond: 20, writesPerSecond: 5 };

export function createAlloAdapter(options: AlloAdapterOptions): ProviderAdapter {
  const http = createHttpClient({
    provider: "allo",
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    // The v2 format. v1 took the bare key; v2 documents the `Api-Key` scheme.
    headers: { Authorization: `Api-Key ${options.apiKey}` },
    // Allo echoes a client-sent X-Request-Id as the error's request_id.
    requestIdHeader: "X-Request-Id",
    mapError: mapAlloError,
    rateLimit: options.rateLimit === undefined ? ALLO_RATE_LIMIT : (options.rateLimit ?? undefined),
    fetch: options.fetch,
    sleep: options.sleep,
  });

  const itemPath = (id: string) => `/v2/api/conversations/items/${encodeURIComponent(id)}`;

  return {
    id: "allo",
    capabilities: alloCapabilities,

    async listCalls(query) {
      assertListQuery(query);
      const body = itemSearchRequestSchema.parse({ type: "CALL", sort: "DATE_DESC", page: query.page, size: query.size });
      const { data, pagination } = await http.request({
        method: "POST",
        path: "/v2/api/conversations/items/search",
        body,
        schema: itemSearchResponseSchema,
        // A search changes nothing: retrying it is as safe as retrying a GET.
        retry: true,
      });
      return toCallPage(data, pagination);
    },

    async getCall(callId) {
      assertReadableItemId(callId);
      const { data } = await http.request({
        method: "GET",
        path: itemPath(callId),
        query: { extend: "transcript" },
        schema: itemResponseSchema,
      });
      return toCallDetail(data);
    },

    async summaryTarget(callId, templateKey) {
      assertSummaryCallId(callId);
      return { provider: "allo", id: callId, templateKey: parseTemplateKey(templateKey) };
    },

    async getSummary(target) {
      assertSummaryCallId(target.id);
      // The item without `extend=transcript`: the summary is on the item, the transcript is the heavy part.
      const { data } = await http.request({ method: "GET", path: itemPath(target.id), schema: itemResponseSchema });
      return toSummarySnapshot(data);
    },

    async updateSummary(target, content) {
      const callId = target.id;
      assertSummaryCallId(callId);
      assertSummaryContent(content);
      const key = parseTemplateKey(target.templateKey);
      const body = updateSummaryRequestSchema.parse(key === null ? { content } : { content, template_key: key });
      const { data } = await http.request({
        method: "PATCH",
        path: `${itemPath(callId)}/summary`,
        body,
        schema: callSummaryResponseSchema,
      });
      return toAppliedOutcome(data, content);
    },
  };
}
