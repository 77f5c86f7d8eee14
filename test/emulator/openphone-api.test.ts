import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenPhoneSection } from "@/emulator/data/sections/openphone-section";
import { openPhoneKeyFor } from "@/emulator/openphone/keys";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { problems } from "./support/contract-problems";
import { http } from "./support/http";
import {
  quoCall,
  quoError,
  quoErrorCodes,
  quoGetCall,
  quoListCalls,
  quoListContacts,
  quoListUsers,
  quoSummary,
  quoTranscript,
} from "./support/openphone-contract";
import { testDataOptions, testDocument } from "./support/test-data";

let emulator: RunningEmulator;
let quo: OpenPhoneSection;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, providers: ["openphone"], rateLimits: false });
  quo = testDocument().openphone!;
});

afterAll(async () => {
  await emulator.close();
});

const base = () => `${emulator.url}/openphone`;
const get = (path: string, key: string | null = openPhoneKeyFor("redline")) => http(`${base()}${path}`, { headers: key === null ? {} : { Authorization: key } });
const list = (query: Record<string, string | string[]>, key?: string | null) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const entry of [value].flat()) search.append(name, entry);
  return get(`/v1/calls?${search}`, key);
};

/** The busiest conversation in the data, newest call first, as the fixture has it. */
function busiestConversation() {
  const counts = new Map<string, typeof quo.calls>();
  for (const call of quo.calls) {
    const key = `${call.phoneNumberId} ${call.participants[0]}`;
    counts.set(key, [...(counts.get(key) ?? []), call]);
  }
  const [key, calls] = [...counts].sort((a, b) => b[1].length - a[1].length)[0]!;
  const [phoneNumberId, participant] = key.split(" ") as [string, string];
  return { phoneNumberId, participant, calls: [...calls].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? -1 : 1)) };
}

function expectQuoError(result: Awaited<ReturnType<typeof http>>, operation: keyof typeof quoErrorCodes, status: 400 | 401 | 403 | 404) {
  expect(result.status, result.text).toBe(status);
  expect(problems(quoError(quoErrorCodes[operation][status], status), result.json)).toEqual([]);
}

describe("GET /v1/calls", () => {
  it("lists one conversation newest first, page by page with nextPageToken", async () => {
    const { phoneNumberId, participant, calls } = busiestConversation();
    expect(calls.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let pageToken: string | null = null;
    do {
      const result = await list({ phoneNumberId, participants: participant, maxResults: "2", ...(pageToken ? { pageToken } : {}) });
      expect(result.status).toBe(200);
      expect(problems(quoListCalls, result.json)).toEqual([]);
      expect(result.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...result.body.data.map((call: { id: string }) => call.id));
      pageToken = result.body.nextPageToken;
    } while (pageToken !== null);
    expect(seen).toEqual(calls.map((call) => call.id));
  });

  it("shows each call exactly as GET /v1/calls/{id} does", async () => {
    const { phoneNumberId, participant } = busiestConversation();
    const page = await list({ phoneNumberId, participants: participant, maxResults: "5" });
    for (const call of page.body.data) {
      const single = await get(`/v1/calls/${call.id}`);
      expect(problems(quoGetCall, single.json)).toEqual([]);
      expect(single.body.data).toEqual(call);
    }
  });

  it("accepts participants[] as well as participants", async () => {
    const { phoneNumberId, participant, calls } = busiestConversation();
    const result = await list({ phoneNumberId, "participants[]": participant, maxResults: "100" });
    expect(result.body.data.map((call: { id: string }) => call.id)).toEqual(calls.map((call) => call.id));
  });

  it("filters by createdAfter and createdBefore (both exclusive)", async () => {
    const { phoneNumberId, participant, calls } = busiestConversation();
    const newest = calls[0]!.createdAt;
    const oldest = calls.at(-1)!.createdAt;
    const after = await list({ phoneNumberId, participants: participant, maxResults: "100", createdAfter: oldest });
    expect(after.body.data.map((call: { id: string }) => call.id)).toEqual(calls.filter((call) => call.createdAt > oldest).map((call) => call.id));
    const before = await list({ phoneNumberId, participants: participant, maxResults: "100", createdBefore: newest });
    expect(before.body.data.map((call: { id: string }) => call.id)).toEqual(calls.filter((call) => call.createdAt < newest).map((call) => call.id));
  });

  it("lists nothing for a participant the number never talked to", async () => {
    const result = await list({ phoneNumberId: "PNcare0001", participants: "+15550000001", maxResults: "10" });
    expect(result.body).toEqual({ data: [], totalItems: 0, nextPageToken: null });
  });

  it.each([
    ["no phoneNumberId", { participants: "+15550000001", maxResults: "10" }],
    ["a phoneNumberId not starting with PN", { phoneNumberId: "care", participants: "+15550000001", maxResults: "10" }],
    ["no participant", { phoneNumberId: "PNcare0001", maxResults: "10" }],
    ["two participants", { phoneNumberId: "PNcare0001", participants: ["+15550000001", "+15550000002"], maxResults: "10" }],
    ["a participant whose + was not encoded", { phoneNumberId: "PNcare0001", participants: " 15550000001", maxResults: "10" }],
    ["no maxResults", { phoneNumberId: "PNcare0001", participants: "+15550000001" }],
    ["maxResults 101", { phoneNumberId: "PNcare0001", participants: "+15550000001", maxResults: "101" }],
    ["a createdAfter that is no date-time", { phoneNumberId: "PNcare0001", participants: "+15550000001", maxResults: "1", createdAfter: "yesterday" }],
    ["a pageToken it never gave", { phoneNumberId: "PNcare0001", participants: "+15550000001", maxResults: "1", pageToken: "nope" }],
  ])("answers 400 0101400 to %s", async (_, query) => {
    const result = await list(query);
    expectQuoError(result, "calls", 400);
    expect(result.body.description).toBe(result.body.title);
    expect(result.body.errors.length).toBeGreaterThan(0);
  });

  it("answers 404 0100404 for a phone number the workspace does not have", async () => {
    expectQuoError(await list({ phoneNumberId: "PNnobody00", participants: "+15550000001", maxResults: "1" }), "calls", 404);
  });

  it("answers 403 0101403 when listing as a user who is not on the number", async () => {
    const result = await list({ phoneNumberId: "PNsales001", participants: "+15550000001", maxResults: "1", userId: "USpriyanai1" });
    expectQuoError(result, "calls", 403);
    expect((await list({ phoneNumberId: "PNsales001", participants: "+15550000001", maxResults: "1", userId: "USsamortiz1" })).status).toBe(200);
  });

  it.each([
    ["no key", null],
    ["an unknown key", "quo_nobody"],
    ["a Bearer token", `Bearer ${openPhoneKeyFor("redline")}`],
  ])("answers 401 0100401 to %s", async (_, key) => {
    expectQuoError(await list({ phoneNumberId: "PNcare0001", participants: "+15550000001", maxResults: "1" }, key), "calls", 401);
  });
});

describe("GET /v1/calls/{callId}", () => {
  it("answers {data: Call}", async () => {
    const call = quo.calls[0]!;
    const result = await get(`/v1/calls/${call.id}`);
    expect(problems(quoGetCall, result.json)).toEqual([]);
    expect(problems(quoCall, result.body.data)).toEqual([]);
    expect(result.body.data.participants).toEqual(call.participants);
  });

  it("answers 400 0101400 for an id not starting with AC, 404 0100404 for an unknown one, 401 without a key", async () => {
    expectQuoError(await get("/v1/calls/CA123"), "calls", 400);
    expectQuoError(await get("/v1/calls/ACnothing"), "calls", 404);
    expectQuoError(await get(`/v1/calls/${quo.calls[0]!.id}`, null), "calls", 401);
  });
});

describe("GET /v1/call-summaries/{callId}", () => {
  it("answers bullets and next steps for a completed summary", async () => {
    const call = quo.calls.find((entry) => entry.summary.status === "completed")!;
    const result = await get(`/v1/call-summaries/${call.id}`);
    expect(problems(quoSummary, result.json)).toEqual([]);
    expect(result.body.data).toMatchObject({ callId: call.id, status: "completed", summary: call.summary.summary, nextSteps: call.summary.nextSteps });
  });

  it.each([["in-progress"], ["absent"], ["failed"]] as const)("answers status %s with no summary yet", async (status) => {
    const call = quo.calls.find((entry) => entry.summary.status === status)!;
    const result = await get(`/v1/call-summaries/${call.id}`);
    expect(problems(quoSummary, result.json)).toEqual([]);
    expect(result.body.data).toMatchObject({ callId: call.id, status, summary: null, nextSteps: null });
  });

  it("answers 400, 401, 403 (a plan without call summaries) and 404 with the summaries codes", async () => {
    const id = quo.calls[0]!.id;
    expectQuoError(await get("/v1/call-summaries/123"), "summaries", 400);
    expectQuoError(await get(`/v1/call-summaries/${id}`, null), "summaries", 401);
    expectQuoError(await get(`/v1/call-summaries/${id}`, openPhoneKeyFor("starter-plan")), "summaries", 403);
    expectQuoError(await get("/v1/call-summaries/ACnothing"), "summaries", 404);
  });
});

describe("GET /v1/call-transcripts/{id}", () => {
  it("answers the dialogue, our side with its user id, the other party with its number", async () => {
    const call = quo.calls.find((entry) => entry.transcript.status === "completed")!;
    const result = await get(`/v1/call-transcripts/${call.id}`);
    expect(problems(quoTranscript, result.json)).toEqual([]);
    const { dialogue, duration, status } = result.body.data;
    expect({ duration, status }).toEqual({ duration: call.duration, status: "completed" });
    const ours = quo.phoneNumbers.find((entry) => entry.id === call.phoneNumberId)!.number;
    for (const turn of dialogue) {
      if (turn.userId === null) expect(turn.identifier).toBe(call.participants[0]);
      else expect([turn.userId, turn.identifier]).toEqual([call.userId, ours]);
      expect(turn.end).toBeGreaterThanOrEqual(turn.start);
    }
    expect(new Set(dialogue.map((turn: { userId: string | null }) => turn.userId === null))).toEqual(new Set([true, false]));
  });

  it("answers a null dialogue for a missed call", async () => {
    const call = quo.calls.find((entry) => entry.status === "missed")!;
    const result = await get(`/v1/call-transcripts/${call.id}`);
    expect(problems(quoTranscript, result.json)).toEqual([]);
    expect(result.body.data).toMatchObject({ dialogue: null, status: "absent" });
  });

  it("answers 400, 401, 403 and 404 with the transcripts codes", async () => {
    const id = quo.calls[0]!.id;
    expectQuoError(await get("/v1/call-transcripts/123"), "transcripts", 400);
    expectQuoError(await get(`/v1/call-transcripts/${id}`, null), "transcripts", 401);
    expectQuoError(await get(`/v1/call-transcripts/${id}`, openPhoneKeyFor("starter-plan")), "transcripts", 403);
    expectQuoError(await get("/v1/call-transcripts/ACnothing"), "transcripts", 404);
  });
});

/** Every page of a Quo list, following nextPageToken. */
async function allPages(path: string, maxResults: number) {
  const pages: Awaited<ReturnType<typeof http>>[] = [];
  let pageToken: string | null = null;
  do {
    const result = await get(`${path}${path.includes("?") ? "&" : "?"}maxResults=${maxResults}${pageToken ? `&pageToken=${pageToken}` : ""}`);
    pages.push(result);
    pageToken = result.status === 200 ? result.body.nextPageToken : null;
  } while (pageToken !== null);
  return pages;
}

describe("GET /v1/users", () => {
  it("lists the workspace's users with first and last names, page by page", async () => {
    const pages = await allPages("/v1/users", 3);
    for (const page of pages) {
      expect(page.status, page.text).toBe(200);
      expect(problems(quoListUsers, page.json)).toEqual([]);
    }
    const users = pages.flatMap((page) => page.body.data);
    expect(users.map((user: { id: string }) => user.id)).toEqual(quo.users.map((user) => user.id));
    const jordan = users.find((user: { id: string }) => user.id === "USjordanle1");
    expect(jordan).toMatchObject({ firstName: "Jordan", lastName: "Lee", role: "owner", email: "jordan.lee@northwind-home.example" });
  });

  it("requires maxResults of 1 to 50 (400 1100400), and a key (401 1100401)", async () => {
    expectQuoError(await get("/v1/users"), "users", 400);
    expectQuoError(await get("/v1/users?maxResults=51"), "users", 400);
    expectQuoError(await get("/v1/users?maxResults=10", null), "users", 401);
  });
});

describe("GET /v1/contacts", () => {
  it("lists every contact of the workspace without filters, page by page", async () => {
    expect(quo.contacts.length).toBeGreaterThan(5);
    const pages = await allPages("/v1/contacts", 5);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.status, page.text).toBe(200);
      expect(problems(quoListContacts, page.json)).toEqual([]);
      expect(page.body.data.length).toBeLessThanOrEqual(5);
    }
    const contacts = pages.flatMap((page) => page.body.data);
    expect(contacts.map((contact: { id: string }) => contact.id)).toEqual(quo.contacts.map((contact) => contact.id));
  });

  it("names the people the workspace's numbers talk to by their phone numbers", async () => {
    const contact = quo.contacts[0]!;
    const [page] = await allPages("/v1/contacts", 1);
    expect(page!.body.data[0]).toMatchObject({
      id: contact.id,
      defaultFields: {
        firstName: contact.defaultFields.firstName,
        lastName: contact.defaultFields.lastName,
        phoneNumbers: [{ name: "mobile", value: contact.defaultFields.phoneNumbers[0]!.value }],
      },
    });
    const called = new Set(quo.calls.map((call) => call.participants[0]));
    expect(quo.contacts.every((entry) => called.has(entry.defaultFields.phoneNumbers[0]!.value!))).toBe(true);
  });

  it("narrows to the sources asked for", async () => {
    expect((await get("/v1/contacts?maxResults=50&sources=hubspot")).body.data).toEqual([]);
    expect((await get("/v1/contacts?maxResults=1&sources[]=public-api")).body.data).toHaveLength(1);
  });

  it("answers 400 0801400 for maxResults outside 1 to 50, 401 0800401 without a key", async () => {
    expectQuoError(await get("/v1/contacts?maxResults=0"), "contacts", 400);
    expectQuoError(await get("/v1/contacts?maxResults=51"), "contacts", 400);
    expectQuoError(await get("/v1/contacts?maxResults=10", null), "contacts", 401);
  });

  it("answers an injected 500 with the users and contacts codes", async () => {
    await http(`${emulator.url}/__emulator/faults`, { method: "PUT", json: ["quo.listUsers:status=500,count=1", "quo.listContacts:status=500,count=1"] });
    const users = await get("/v1/users?maxResults=1");
    const contacts = await get("/v1/contacts?maxResults=1");
    await http(`${emulator.url}/__emulator/faults`, { method: "DELETE" });
    expect(problems(quoError("1101500", 500), users.json)).toEqual([]);
    expect(problems(quoError("0801500", 500), contacts.json)).toEqual([]);
  });
});

describe("429, 500 and 503 (injected; 429 also comes from the rate limit)", () => {
  it.each([[429], [500], [503]] as const)("answer %s with each operation's code", async (status) => {
    await http(`${emulator.url}/__emulator/faults`, { method: "PUT", json: [`quo.*:status=${status},count=4`] });
    const id = quo.calls[0]!.id;
    const suffix = { 429: "00429", 500: "01500", 503: "01503" }[status];
    const expectations: [string, string][] = [
      [`/v1/calls?phoneNumberId=PNcare0001&participants=%2B15550000001&maxResults=1`, `01${suffix}`],
      [`/v1/calls/${id}`, `01${suffix}`],
      [`/v1/call-summaries/${id}`, `05${suffix}`],
      [`/v1/call-transcripts/${id}`, `06${suffix}`],
    ];
    for (const [path, code] of expectations) {
      const result = await get(path);
      expect(result.status).toBe(status);
      expect(problems(quoError(code, status), result.json)).toEqual([]);
    }
    await http(`${emulator.url}/__emulator/faults`, { method: "DELETE" });
  });
});

describe("writes", () => {
  it.each([["PATCH"], ["POST"], ["PUT"], ["DELETE"]])("has none: %s is answered like an unknown route", async (method) => {
    const id = quo.calls[0]!.id;
    for (const path of [`/v1/call-summaries/${id}`, `/v1/calls/${id}`, `/v1/call-transcripts/${id}`]) {
      const result = await http(`${base()}${path}`, { method, headers: { Authorization: openPhoneKeyFor("redline") }, json: { summary: ["x"] } });
      expect(result.status).toBe(404);
      expect(problems(quoError("0000404", 404), result.json)).toEqual([]);
    }
  });
});

describe("rate limit", () => {
  let limited: RunningEmulator;

  beforeAll(async () => {
    limited = await startEmulator({ port: 0, ...testDataOptions, calls: 20, providers: ["openphone"], rateLimits: true });
  });

  afterAll(async () => {
    await limited.close();
  });

  it("refuses past 10 requests a second per key with 429 in Quo's envelope, and no retry header", async () => {
    const id = limited.setup().providers.openphone!.phoneNumbers[0]!.id;
    const request = (key: string) => http(`${limited.url}/openphone/v1/calls?phoneNumberId=${id}&participants=%2B15550000001&maxResults=1`, { headers: { Authorization: key } });
    // Bursts of 25: only a burst spread over three one-second windows could stay under 10 a second.
    let refused: Awaited<ReturnType<typeof http>> | undefined;
    for (let burst = 0; burst < 10 && !refused; burst++) {
      const results = await Promise.all(Array.from({ length: 25 }, () => request(openPhoneKeyFor("redline"))));
      refused = results.find((result) => result.status === 429);
    }
    expect(refused).toBeDefined();
    expect(refused!.body).toMatchObject({ code: "0100429", status: 429, docs: "https://openphone.com/docs" });
    expect(refused!.headers.get("retry-after")).toBeNull();
    // Per key: another key is unaffected.
    expect((await request(openPhoneKeyFor("colleague"))).status).toBe(200);
  });
});
