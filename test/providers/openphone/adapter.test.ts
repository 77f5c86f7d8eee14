import { describe, expect, it } from "vitest";
import { createOpenPhoneAdapter, type QuoLine } from "@/lib/providers/openphone/adapter";
import { ProviderError } from "@/lib/providers/provider-error";
import { fakeFetch, json, text, type FakeFetch } from "../fake-fetch";
import {
  ALICE,
  BOB,
  CAROL,
  MAIN_LINE,
  SUPPORT_LINE,
  byPath,
  quoCall,
  quoCallList,
  quoErrorBody,
  respond,
  summary,
  summaryMarkdown,
  transcript,
} from "./fixtures";

const BASE_URL = "https://quo.example.test";
const CALL_ID = "ACea724hac8c30465bcbcff0b76e4c1c7b";

const oneLine: QuoLine[] = [{ phoneNumberId: MAIN_LINE, participants: [ALICE] }];

function adapter(fetch: FakeFetch, lines: QuoLine[] = oneLine) {
  const sleeps: number[] = [];
  const quo = createOpenPhoneAdapter({
    apiKey: "quo_secret_key",
    baseUrl: BASE_URL,
    timeoutMs: 1_000,
    lines,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return Object.assign(quo, { sleeps });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const at = (minute: number) => `2026-05-12T14:${String(minute).padStart(2, "0")}:00Z`;
const call = (id: string, minute: number, overrides: Record<string, unknown> = {}) => quoCall({ id, createdAt: at(minute), ...overrides });
const ids = (items: { ref: { callId: string } }[]) => items.map((item) => item.ref.callId);
const params = (url: string | undefined) => Object.fromEntries(new URL(url ?? "").searchParams);

/** Two numbers, three conversations, interleaved in time; Alice's conversation spans two pages. */
const twoLines: QuoLine[] = [
  { phoneNumberId: MAIN_LINE, participants: [ALICE, BOB] },
  { phoneNumberId: SUPPORT_LINE, participants: [CAROL], userId: "US999xyz" },
];
const conversations = {
  [`${MAIN_LINE} ${ALICE}`]: [[call("AC10", 50), call("AC07", 47)], [call("AC03", 43)]],
  [`${MAIN_LINE} ${BOB}`]: [[call("AC09", 49), call("AC02", 42)]],
  [`${SUPPORT_LINE} ${CAROL}`]: [[call("AC08", 48, { phoneNumberId: SUPPORT_LINE }), call("AC06", 46), call("AC05", 45), call("AC01", 41)]],
};
const quoServer = (count = 20) => fakeFetch(...Array.from({ length: count }, () => quoCallList(conversations)));

describe("Quo adapter", () => {
  it("declares that Quo summaries are read-only markdown witnessed by Redline's revision", () => {
    const quo = adapter(fakeFetch());

    expect(quo.id).toBe("openphone");
    expect(quo.capabilities).toEqual({ write: "none", format: "markdown", maxLength: 100_000, templates: [], versionWitness: "revision" });
  });

  describe("listCalls", () => {
    it("asks Quo for one conversation with the raw key, the number, one participant and a page size", async () => {
      const fetch = fakeFetch(json(200, { data: [quoCall()], totalItems: 1, nextPageToken: null }));

      const page = await adapter(fetch).listCalls({ page: 1, size: 20 });

      const [sent] = fetch.requests;
      expect(sent?.method).toBe("GET");
      expect(new URL(sent?.url ?? "").pathname).toBe("/v1/calls");
      expect(params(sent?.url)).toEqual({ phoneNumberId: MAIN_LINE, participants: ALICE, maxResults: "20" });
      expect(sent?.url).toContain("participants=%2B15551230001");
      expect(sent?.headers.get("authorization")).toBe("quo_secret_key");
      expect(sent?.headers.get("accept")).toBe("application/json");
      expect(page).toEqual({
        items: [
          {
            ref: { provider: "openphone", callId: CALL_ID },
            targetId: CALL_ID,
            summaryText: null,
            startedAt: "2026-05-12T14:00:00.000Z",
            durationSec: 95,
            direction: "inbound",
            agent: { id: "US123abc", name: null },
            counterpart: { name: null, number: ALICE },
            summaryStatus: "unchecked",
          },
        ],
        page: 1,
        size: 20,
        totalCount: 1,
        hasMore: false,
      });
    });

    it("merges every configured conversation into one newest-first list", async () => {
      const fetch = quoServer();

      const page = await adapter(fetch, twoLines).listCalls({ page: 1, size: 10 });

      expect(ids(page.items)).toEqual(["AC10", "AC09", "AC08", "AC07", "AC06", "AC05", "AC03", "AC02", "AC01"]);
      expect(page).toMatchObject({ totalCount: 9, hasMore: false });
      expect(page.items.find((item) => item.ref.callId === "AC09")?.counterpart.number).toBe(BOB);
      const sent = fetch.requests.map((request) => params(request.url));
      expect(sent).toContainEqual({ phoneNumberId: SUPPORT_LINE, participants: CAROL, maxResults: "10", userId: "US999xyz" });
      expect(sent).toContainEqual({ phoneNumberId: MAIN_LINE, participants: ALICE, maxResults: "10", pageToken: "p1" });
      expect(fetch.requests).toHaveLength(4);
    });

    it("pages through the merged list, each page continuing where the last stopped without reading earlier pages again", async () => {
      const fetch = quoServer();
      const quo = adapter(fetch, twoLines);

      const first = await quo.listCalls({ page: 1, size: 3 });
      const afterFirst = fetch.requests.length;
      const second = await quo.listCalls({ page: 2, size: 3 });
      const third = await quo.listCalls({ page: 3, size: 3 });

      expect(ids(first.items)).toEqual(["AC10", "AC09", "AC08"]);
      expect(first.hasMore).toBe(true);
      expect(afterFirst).toBe(3);
      expect(ids(second.items)).toEqual(["AC07", "AC06", "AC05"]);
      expect(ids(third.items)).toEqual(["AC03", "AC02", "AC01"]);
      expect(third).toMatchObject({ hasMore: false, totalCount: 9 });
      // Only Alice's second page was left to read.
      expect(fetch.requests).toHaveLength(4);
    });

    it("reads a later page directly by merging up to it", async () => {
      const fetch = quoServer();

      const page = await adapter(fetch, twoLines).listCalls({ page: 2, size: 4 });

      expect(ids(page.items)).toEqual(["AC06", "AC05", "AC03", "AC02"]);
      expect(params(fetch.requests[0]?.url).maxResults).toBe("8");
      expect(page.hasMore).toBe(true);
    });

    it("answers past the end with an empty page and the true count", async () => {
      const page = await adapter(quoServer(), twoLines).listCalls({ page: 3, size: 5 });

      expect(page).toMatchObject({ items: [], totalCount: 9, hasMore: false });
    });

    it("shows a call listed in two conversations once", async () => {
      const shared = call("AC77", 30, { participants: [ALICE, BOB] });
      const fetch = fakeFetch(
        json(200, { data: [shared, call("AC76", 29)], totalItems: 2, nextPageToken: null }),
        json(200, { data: [shared], totalItems: 1, nextPageToken: null }),
      );

      const page = await adapter(fetch, [{ phoneNumberId: MAIN_LINE, participants: [ALICE, BOB] }]).listCalls({ page: 1, size: 10 });

      expect(ids(page.items)).toEqual(["AC77", "AC76"]);
    });

    it("refuses a page size Quo cannot serve, without calling it", async () => {
      const fetch = fakeFetch();

      const error = await rejection(adapter(fetch).listCalls({ page: 1, size: 101 }));

      expect(error).toMatchObject({ kind: "invalid", code: "INVALID_PAGE_SIZE", status: null });
      expect(fetch.requests).toHaveLength(0);
    });

    it("paces itself to Quo's 10 requests per second", async () => {
      const many = Object.fromEntries(
        Array.from({ length: 12 }, (_, index) => [`${MAIN_LINE} +1555000${String(index).padStart(4, "0")}`, [[]]]),
      );
      const participants = Array.from({ length: 12 }, (_, index) => `+1555000${String(index).padStart(4, "0")}`);
      const fetch = fakeFetch(...Array.from({ length: 12 }, () => quoCallList(many)));
      const quo = adapter(fetch, [{ phoneNumberId: MAIN_LINE, participants }]);

      await quo.listCalls({ page: 1, size: 10 });

      expect(fetch.requests).toHaveLength(12);
      expect(quo.sleeps.length).toBeGreaterThanOrEqual(1);
    });

    it("retries a rate-limited list after the Retry-After it is given", async () => {
      const fetch = fakeFetch(
        json(429, quoErrorBody(429, "0100429", "Too Many Requests"), { "Retry-After": "1" }),
        json(200, { data: [quoCall()], totalItems: 1, nextPageToken: null }),
      );
      const quo = adapter(fetch);

      const page = await quo.listCalls({ page: 1, size: 5 });

      expect(page.items).toHaveLength(1);
      expect(quo.sleeps).toContain(1_000);
    });

    it.each([
      { status: 400, code: "0101400", title: "Too Many Participants", kind: "invalid", retryable: false },
      { status: 401, code: "0100401", title: "Unauthorized", kind: "unauthorized", retryable: false },
      { status: 403, code: "0101403", title: "Not Phone Number User", kind: "forbidden", retryable: false },
      { status: 404, code: "0100404", title: "Not Found", kind: "not_found", retryable: false },
      { status: 500, code: "0101500", title: "Unknown", kind: "unavailable", retryable: true },
    ] as const)("reports list calls' $status ($code) as $kind with Quo's trace", async ({ status, code, title, kind, retryable }) => {
      const fetch = fakeFetch(json(status, quoErrorBody(status, code, title, { description: title })));

      const error = await rejection(adapter(fetch).listCalls({ page: 1, size: 5 }));

      expect(error).toMatchObject({
        provider: "openphone",
        status,
        code,
        kind,
        retryable,
        requestId: "trace-7f3a9c",
        retryAfterSec: null,
        message: `Quo says ${title}`,
      });
    });
  });

  describe("getCall", () => {
    const found = (overrides: { call?: () => Response; transcript?: () => Response; summary?: () => Response } = {}) =>
      byPath({
        [`/v1/calls/${CALL_ID}`]: overrides.call ?? (() => respond(200, { data: quoCall() })),
        [`/v1/call-transcripts/${CALL_ID}`]: overrides.transcript ?? (() => respond(200, { data: transcript })),
        [`/v1/call-summaries/${CALL_ID}`]: overrides.summary ?? (() => respond(200, { data: summary })),
      });

    it("reads the call, its transcript and its summary, and shows the summary as markdown", async () => {
      const route = found();
      const fetch = fakeFetch(route, route, route);

      const detail = await adapter(fetch).getCall(CALL_ID);

      expect(fetch.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`).sort()).toEqual([
        `GET /v1/call-summaries/${CALL_ID}`,
        `GET /v1/call-transcripts/${CALL_ID}`,
        `GET /v1/calls/${CALL_ID}`,
      ]);
      expect(fetch.requests.every((request) => request.headers.get("authorization") === "quo_secret_key")).toBe(true);
      expect(detail.summary).toEqual({ templateKey: null, content: summaryMarkdown, version: null, updatedAt: null, updatedBy: null, status: "ready" });
      expect(detail.transcript).toEqual([
        { speaker: "agent", speakerName: null, at: "2026-05-12T14:00:05.500Z", text: "Thanks for calling Acme, this is Jo." },
        { speaker: "customer", speakerName: null, at: "2026-05-12T14:00:08.250Z", text: "Hi, my invoice is wrong." },
      ]);
      expect(detail.counterpart).toEqual({ name: null, number: ALICE });
    });

    it("says a summary is still being written", async () => {
      const route = found({ summary: () => respond(200, { data: { ...summary, summary: null, nextSteps: null, status: "in-progress" } }) });

      const detail = await adapter(fakeFetch(route, route, route)).getCall(CALL_ID);

      expect(detail.summary).toMatchObject({ content: null, status: "in_progress" });
    });

    it("treats a transcript and summary Quo does not have (404) as absent, not as a failure", async () => {
      const missing = (code: string) => () => respond(404, quoErrorBody(404, code, "Not Found"));
      const route = found({ transcript: missing("0600404"), summary: missing("0500404") });

      const detail = await adapter(fakeFetch(route, route, route)).getCall(CALL_ID);

      expect(detail.transcript).toEqual([]);
      expect(detail.summary).toMatchObject({ content: null, status: "absent" });
    });

    it("reports a call Quo does not have with its code, whatever the other reads say", async () => {
      const route = byPath({
        [`/v1/calls/${CALL_ID}`]: () => respond(404, quoErrorBody(404, "0100404", "Not Found")),
        [`/v1/call-transcripts/${CALL_ID}`]: () => respond(404, quoErrorBody(404, "0600404", "Not Found")),
        [`/v1/call-summaries/${CALL_ID}`]: () => respond(404, quoErrorBody(404, "0500404", "Not Found")),
      });

      const error = await rejection(adapter(fakeFetch(route, route, route)).getCall(CALL_ID));

      expect(error).toMatchObject({ kind: "not_found", status: 404, code: "0100404", requestId: "trace-7f3a9c" });
    });

    it.each([
      { status: 400, code: "0101400", kind: "invalid", retryable: false },
      { status: 401, code: "0100401", kind: "unauthorized", retryable: false },
      { status: 403, code: "0101403", kind: "forbidden", retryable: false },
      { status: 500, code: "0101500", kind: "unavailable", retryable: true },
    ] as const)("reports get call's $status ($code) as $kind", async ({ status, code, kind, retryable }) => {
      const route = found({ call: () => respond(status, quoErrorBody(status, code, "Refused")) });

      const error = await rejection(adapter(fakeFetch(route, route, route)).getCall(CALL_ID));

      expect(error).toMatchObject({ provider: "openphone", status, code, kind, retryable, requestId: "trace-7f3a9c" });
    });

    describe.each([
      { endpoint: "call-transcripts", prefix: "06", option: "transcript" },
      { endpoint: "call-summaries", prefix: "05", option: "summary" },
    ] as const)("errors of $endpoint", ({ prefix, option }) => {
      it.each([
        { status: 400, code: `${prefix}00400`, kind: "invalid", retryable: false },
        { status: 401, code: `${prefix}00401`, kind: "unauthorized", retryable: false },
        { status: 500, code: `${prefix}01500`, kind: "unavailable", retryable: true },
      ])("$status ($code) → $kind", async ({ status, code, kind, retryable }) => {
        const route = found({ [option]: () => respond(status, quoErrorBody(status, code, "Refused")) });

        const error = await rejection(adapter(fakeFetch(route, route, route)).getCall(CALL_ID));

        expect(error).toMatchObject({ provider: "openphone", status, code, kind, retryable, requestId: "trace-7f3a9c" });
      });
    });

    it("opens a call whose plan leaves out call intelligence (403), saying so for the summary and the transcript", async () => {
      const route = found({
        transcript: () => respond(403, quoErrorBody(403, "0600403", "Upgrade your plan")),
        summary: () => respond(403, quoErrorBody(403, "0500403", "Upgrade your plan")),
      });

      const detail = await adapter(fakeFetch(route, route, route)).getCall(CALL_ID);

      expect(detail).toMatchObject({ transcript: [], transcriptStatus: "not_in_plan", summary: { content: null, status: "not_in_plan" } });
    });

    it("says a transcript Quo is still writing is coming, not missing", async () => {
      const route = found({ transcript: () => respond(200, { data: { ...transcript, status: "in-progress", dialogue: null } }) });

      const detail = await adapter(fakeFetch(route, route, route)).getCall(CALL_ID);

      expect(detail).toMatchObject({ transcript: [], transcriptStatus: "in_progress" });
    });

    it("retries a read Quo answers 503 with no hint, using backoff", async () => {
      let summaryCalls = 0;
      const route = found({
        summary: () => (++summaryCalls === 1 ? new Response("", { status: 503 }) : respond(200, { data: summary })),
      });
      const quo = adapter(fakeFetch(route, route, route, route));

      const detail = await quo.getCall(CALL_ID);

      expect(detail.summary.status).toBe("ready");
      expect(quo.sleeps.length).toBeGreaterThanOrEqual(1);
    });

    it("reports a transcript line without its timing as a broken contract", async () => {
      const route = found({ transcript: () => respond(200, { data: { ...transcript, dialogue: [{ content: "hi", identifier: null, userId: null }] } }) });

      const error = await rejection(adapter(fakeFetch(route, route, route)).getCall(CALL_ID));

      expect(error).toMatchObject({ kind: "contract", code: "INVALID_RESPONSE" });
      expect(error.message).toContain("data.dialogue[0].start");
    });

    it("refuses an id that is not a Quo call id, without calling Quo", async () => {
      const fetch = fakeFetch();

      const error = await rejection(adapter(fetch).getCall("cll-abc123"));

      expect(error).toMatchObject({ kind: "invalid", code: "INVALID_CALL_ID", status: null });
      expect(fetch.requests).toHaveLength(0);
    });

    it("maps a gateway's non-JSON error by status", async () => {
      const route = found({ summary: () => new Response("<html>Bad Gateway</html>", { status: 502 }) });

      const error = await rejection(adapter(fakeFetch(route, route, route)).getCall(CALL_ID));

      expect(error).toMatchObject({ kind: "unavailable", code: "HTTP_502", requestId: null });
      expect(error.message).not.toContain("<html>");
    });
  });

  describe("updateSummary", () => {
    it("refuses to write: Quo has no summary API, and nothing is sent", async () => {
      const fetch = fakeFetch();

      const error = await rejection(adapter(fetch).updateSummary({ provider: "openphone", id: CALL_ID, templateKey: null }, "## Summary\n\n- fixed"));

      expect(error).toMatchObject({ provider: "openphone", kind: "invalid", code: "READ_ONLY", status: null, retryable: false, outcomeUnknown: false });
      expect(fetch.requests).toHaveLength(0);
    });
  });

  it("keeps an unreadable error body out of the message", async () => {
    const fetch = fakeFetch(text(400, "not json"));

    const error = await rejection(adapter(fetch).listCalls({ page: 1, size: 5 }));

    expect(error).toMatchObject({ kind: "invalid", code: "HTTP_400" });
  });
});
