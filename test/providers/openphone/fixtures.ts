import type { SentRequest } from "../fake-fetch";

/** Quo v1 payloads shaped like the examples in Quo's OpenAPI (every Call field is required there). */

export const MAIN_LINE = "PN123abc";
export const SUPPORT_LINE = "PN456def";
export const ALICE = "+15551230001";
export const BOB = "+15551230002";
export const CAROL = "+15559870001";

export function quoCall(overrides: Record<string, unknown> = {}) {
  return {
    id: "ACea724hac8c30465bcbcff0b76e4c1c7b",
    phoneNumberId: MAIN_LINE,
    userId: "US123abc",
    direction: "incoming",
    status: "completed",
    participants: [ALICE, "+15550000100"],
    duration: 95,
    createdAt: "2026-05-12T14:00:00Z",
    answeredAt: "2026-05-12T14:00:05Z",
    completedAt: "2026-05-12T14:01:40Z",
    updatedAt: "2026-05-12T14:01:41Z",
    answeredBy: "US123abc",
    initiatedBy: null,
    callRoute: "phone-number",
    forwardedFrom: null,
    forwardedTo: null,
    aiHandled: null,
    ...overrides,
  };
}

export function callsPage(calls: unknown[], nextPageToken: string | null = null) {
  return { data: calls, totalItems: 3, nextPageToken };
}

export const transcript = {
  callId: "ACea724hac8c30465bcbcff0b76e4c1c7b",
  createdAt: "2026-05-12T14:02:00Z",
  dialogue: [
    { content: "Thanks for calling Acme, this is Jo.", start: 0.5, end: 2.75, identifier: "+15550000100", userId: "US123abc" },
    { content: "Hi, my invoice is wrong.", start: 3.25, end: 5.1, identifier: ALICE, userId: null },
  ],
  duration: 95,
  status: "completed",
};

export const summary = {
  callId: "ACea724hac8c30465bcbcff0b76e4c1c7b",
  summary: ["Alice reported a wrong invoice.", "Jo promised a corrected one."],
  nextSteps: ["Send the corrected invoice by Friday."],
  status: "completed",
  jobs: null,
};

export const summaryMarkdown = [
  "## Summary",
  "",
  "- Alice reported a wrong invoice.",
  "- Jo promised a corrected one.",
  "",
  "## Next steps",
  "",
  "- Send the corrected invoice by Friday.",
].join("\n");

export function quoErrorBody(status: number, code: string, title: string, extra: Record<string, unknown> = {}) {
  return { message: `Quo says ${title}`, code, status, docs: "https://openphone.com/docs", title, trace: "trace-7f3a9c", ...extra };
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/**
 * Answers `GET /v1/calls` the way Quo does, one conversation (number × participant) at a time, from pages
 * keyed by `"<phoneNumberId> <participant>"`. Page tokens are `p1`, `p2`…; each page is the list given.
 */
export function quoCallList(conversations: Record<string, unknown[][]>) {
  return (request: SentRequest) => {
    const url = new URL(request.url);
    const pages = conversations[`${url.searchParams.get("phoneNumberId")} ${url.searchParams.get("participants")}`];
    if (!pages) return jsonResponse(404, quoErrorBody(404, "0100404", "Not Found"));
    const index = Number(url.searchParams.get("pageToken")?.slice(1) ?? 0);
    return jsonResponse(200, callsPage(pages[index] ?? [], index + 1 < pages.length ? `p${index + 1}` : null));
  };
}

/** Answers a call read by path, so the order in which the three reads of a call leave does not matter. */
export function byPath(routes: Record<string, () => Response>) {
  return (request: SentRequest) => {
    const route = routes[new URL(request.url).pathname];
    if (!route) throw new Error(`Unexpected request ${request.method} ${request.url}`);
    return route();
  };
}

export const respond = jsonResponse;
