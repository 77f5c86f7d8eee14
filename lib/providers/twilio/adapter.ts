import "server-only";
import { createHttpClient } from "../http-client";
import type { ProviderAdapter } from "../types";
import { twilioCapabilities } from "./capabilities";
import { mapTwilioError } from "./errors";
import { mapConcurrently } from "./map-concurrently";
import { readTwilioPeople } from "./people";
import { acceptedResponseSchema, patchSummaryRequestSchema, summaryInfoSchema, summaryPageSchema, type SummaryPage } from "./schemas";
import { newestFirst, toCallDetail, toCallPage, toSummarySnapshot, type ProfileSummary } from "./transform";
import { assertConfiguredIds, assertListQuery, assertSummaryContent, parseCallId } from "./validation";

export type TwilioAdapterOptions = {
  /** An API key SID (`SK…`) and its secret: Twilio's recommended credentials for HTTP Basic auth. */
  apiKeySid: string;
  apiKeySecret: string;
  baseUrl: string;
  timeoutMs: number;
  /** The Memory Store (`mem_store_…` or `mem_service_…`). */
  storeId: string;
  /** The profiles (`mem_profile_…`) whose conversation summaries are reviewed. */
  profileIds: readonly string[];
  fetch?: typeof fetch;
  /** Waits between retries; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
};

/** A list answer holds at most 50 summaries whatever `pageSize` asks for. */
const TWILIO_LIST_PAGE_SIZE = 50;
/**
 * Twilio does not document the order of a profile's summaries, so every configured profile is read whole and
 * sorted (a profile holds one summary per conversation with one person). Page 1 always reads afresh; later
 * pages reuse that read for a while, so paging through the queue sees one consistent list.
 */
const SNAPSHOT_TTL_MS = 60_000;
/**
 * Profiles read at the same time. An account may have thousands; Twilio publishes no limit for Memory, and
 * thousands of requests fired at once would be the burst most likely to meet an undocumented one.
 */
const PROFILES_READ_AT_ONCE = 16;

export function createTwilioAdapter(options: TwilioAdapterOptions): ProviderAdapter {
  assertConfiguredIds(options.storeId, options.profileIds);
  const credentials = Buffer.from(`${options.apiKeySid}:${options.apiKeySecret}`).toString("base64");
  const http = createHttpClient({
    provider: "twilio",
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    headers: { Authorization: `Basic ${credentials}` },
    mapError: mapTwilioError,
    responseRequestIdHeader: "Twilio-Request-Id",
    // No documented rate: no pacing; reads wait out a 429's Retry-After in the base client.
    fetch: options.fetch,
    sleep: options.sleep,
  });
  // A merged profile answers 301 to its canonical profile; fetch follows it, so ids naming the old profile keep working.
  const profilePath = (profileId: string) => `/v1/Stores/${encodeURIComponent(options.storeId)}/Profiles/${encodeURIComponent(profileId)}`;
  const summariesPath = (profileId: string) => `${profilePath(profileId)}/ConversationSummaries`;
  const summaryPath = (profileId: string, summaryId: string) => `${summariesPath(profileId)}/${encodeURIComponent(summaryId)}`;

  async function readProfile(profileId: string): Promise<ProfileSummary[]> {
    const summaries: ProfileSummary[] = [];
    const seenTokens = new Set<string>();
    let pageToken: string | null = null;
    do {
      const page: SummaryPage = await http.request({
        method: "GET",
        path: summariesPath(profileId),
        query: { pageSize: TWILIO_LIST_PAGE_SIZE, pageToken: pageToken ?? undefined },
        schema: summaryPageSchema,
      });
      summaries.push(...page.summaries.map((summary) => ({ profileId, summary })));
      pageToken = page.nextToken;
      // A token seen before would page forever.
      if (pageToken !== null && seenTokens.has(pageToken)) break;
      if (pageToken !== null) seenTokens.add(pageToken);
    } while (pageToken !== null);
    return summaries;
  }

  async function readAll(): Promise<ProfileSummary[]> {
    const lists = await mapConcurrently(options.profileIds, PROFILES_READ_AT_ONCE, readProfile);
    // Two configured profiles merged into one list the same summaries: each is kept once.
    const byId = new Map<string, ProfileSummary>();
    for (const item of lists.flat()) if (!byId.has(item.summary.id)) byId.set(item.summary.id, item);
    return [...byId.values()].sort(newestFirst);
  }

  /** There is no transcript in the Memory API: the call and its summary are one read. */
  async function readSummary(callId: string): Promise<ProfileSummary> {
    const { profileId, summaryId } = parseCallId(callId);
    const summary = await http.request({ method: "GET", path: summaryPath(profileId, summaryId), schema: summaryInfoSchema });
    return { profileId, summary };
  }

  let snapshot: { takenAt: number; summaries: Promise<ProfileSummary[]> } | null = null;

  function allSummaries(fresh: boolean): Promise<ProfileSummary[]> {
    if (!fresh && snapshot && Date.now() - snapshot.takenAt < SNAPSHOT_TTL_MS) return snapshot.summaries;
    const taken = { takenAt: Date.now(), summaries: readAll() };
    snapshot = taken;
    taken.summaries.catch(() => {
      if (snapshot === taken) snapshot = null;
    });
    return taken.summaries;
  }

  return {
    id: "twilio",
    capabilities: twilioCapabilities,

    async listCalls(query) {
      assertListQuery(query);
      return toCallPage(await allSummaries(query.page === 1), query.page, query.size);
    },

    async getCall(callId) {
      return toCallDetail(await readSummary(callId));
    },

    async summaryTarget(callId) {
      parseCallId(callId);
      return { provider: "twilio", id: callId, templateKey: null };
    },

    async getSummary(target) {
      return toSummarySnapshot(await readSummary(target.id));
    },

    async updateSummary(target, content) {
      const { profileId, summaryId } = parseCallId(target.id);
      assertSummaryContent(content);
      const body = patchSummaryRequestSchema.parse({ content });
      await http.request({ method: "PATCH", path: summaryPath(profileId, summaryId), body, schema: acceptedResponseSchema });
      // 202: accepted and applied later. Redline confirms it by re-reading until the content matches.
      return { status: "accepted" };
    },

    people(request) {
      return readTwilioPeople(http, profilePath, request, PROFILES_READ_AT_ONCE);
    },
  };
}
