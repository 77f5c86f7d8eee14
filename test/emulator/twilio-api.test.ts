import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TwilioSection } from "@/emulator/data/sections/twilio-section";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { twilioAuthorizationFor, twilioCredentialFor } from "@/emulator/twilio/credentials";
import { problems } from "./support/contract-problems";
import { eventually, http, type HttpResult } from "./support/http";
import { testDataOptions, testDocument } from "./support/test-data";
import { accepted, profile, summaryInfo, summaryList, twilioError } from "./support/twilio-contract";
import { profileProblems } from "./support/twilio-profile-contract";

type TwilioStatus = Parameters<typeof twilioError>[0];

let emulator: RunningEmulator;
let twilio: TwilioSection;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, providers: ["twilio"], twilioApplyDelayMs: 0 });
  twilio = testDocument().twilio!;
});

beforeEach(async () => {
  await http(`${emulator.url}/__emulator/reset`, { method: "POST" });
  await http(`${emulator.url}/__emulator/settings`, { method: "PATCH", json: { twilioApplyDelayMs: 0 } });
});

afterAll(async () => {
  await emulator.close();
});

const store = () => twilio.stores[0]!;
const busiest = () => [...store().profiles].sort((a, b) => b.summaries.length - a.summaries.length)[0]!;
const listPath = (profileId: string, storeId = store().id) => `/twilio/v1/Stores/${storeId}/Profiles/${profileId}/ConversationSummaries`;
const request = (path: string, init: { method?: string; json?: unknown; authorization?: string | null } = {}) =>
  http(`${emulator.url}${path}`, {
    method: init.method,
    json: init.json,
    headers: init.authorization === null ? {} : { Authorization: init.authorization ?? twilioAuthorizationFor("redline") },
  });

function expectTwilioError(result: HttpResult, status: TwilioStatus) {
  expect(result.status, result.text).toBe(status);
  expect(problems(twilioError(status), result.json)).toEqual([]);
}

describe("GET …/ConversationSummaries", () => {
  it("pages a profile's summaries newest first with meta {key, pageSize, nextToken}", async () => {
    const profile = busiest();
    const expected = [...profile.summaries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || (a.id < b.id ? -1 : 1));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const result = await request(`${listPath(profile.id)}?pageSize=2${token ? `&pageToken=${token}` : ""}`);
      expect(result.status).toBe(200);
      expect(problems(summaryList, result.json)).toEqual([]);
      expect(result.headers.get("canonical-profile-id")).toBe(profile.id);
      expect(result.body.meta).toMatchObject({ key: "summaries", pageSize: 2 });
      seen.push(...result.body.summaries.map((summary: { id: string }) => summary.id));
      token = result.body.meta.nextToken;
    } while (token !== undefined);
    expect(seen).toEqual(expected.map((summary) => summary.id));
  });

  it("holds at most 50 summaries a page, whatever pageSize asks", async () => {
    const result = await request(`${listPath(busiest().id)}?pageSize=1000`);
    expect(problems(summaryList, result.json)).toEqual([]);
    expect(result.body.meta.pageSize).toBe(50);
  });

  it("filters by conversationId", async () => {
    const summary = busiest().summaries[0]!;
    const result = await request(`${listPath(busiest().id)}?conversationId=${summary.conversationId}`);
    expect(result.body.summaries.map((entry: { id: string }) => entry.id)).toEqual([summary.id]);
  });

  it.each([
    ["pageSize=0", "?pageSize=0"],
    ["pageSize=1001", "?pageSize=1001"],
    ["a malformed conversationId", "?conversationId=conv_1"],
    ["a pageToken it never gave", "?pageToken=nope"],
  ])("answers 400 to %s", async (_, query) => {
    expectTwilioError(await request(`${listPath(busiest().id)}${query}`), 400);
  });

  it("answers 400 for malformed store or profile ids, 404 for unknown ones", async () => {
    expectTwilioError(await request(listPath("mem_profile_1")), 400);
    expectTwilioError(await request(listPath(busiest().id, "store_1")), 400);
    expectTwilioError(await request(listPath("mem_profile_00000000000000000000000000")), 404);
    expectTwilioError(await request(listPath(busiest().id, "mem_store_00000000000000000000000000")), 404);
  });

  it("answers 401 (20003) without credentials, with a wrong secret or a revoked key", async () => {
    const { username } = twilioCredentialFor("redline");
    for (const authorization of [null, `Basic ${Buffer.from(`${username}:wrong`).toString("base64")}`, twilioAuthorizationFor("revoked")]) {
      const result = await request(listPath(busiest().id), { authorization });
      expectTwilioError(result, 401);
      expect(result.headers.get("www-authenticate")).toMatch(/^Basic/);
    }
  });

  it("answers 403 to a key without Memory access, on every endpoint", async () => {
    const authorization = twilioAuthorizationFor("no-memory");
    expectTwilioError(await request(listPath(busiest().id), { authorization }), 403);
    expectTwilioError(await request(`${listPath(busiest().id)}/${busiest().summaries[0]!.id}`, { authorization }), 403);
    expectTwilioError(await request(`${listPath(busiest().id)}/${busiest().summaries[0]!.id}`, { method: "PATCH", json: { content: "x" }, authorization }), 403);
  });

  it("accepts the account SID and auth token too", async () => {
    expect((await request(listPath(busiest().id), { authorization: twilioAuthorizationFor("account") })).status).toBe(200);
  });
});

describe("GET /v1/Stores/{storeId}/Profiles/{profileId}", () => {
  const profilePath = (profileId: string, storeId = store().id) => `/twilio/v1/Stores/${storeId}/Profiles/${profileId}`;

  it("answers the profile with its Contact traits and Canonical-Profile-Id", async () => {
    const expected = busiest();
    const result = await request(profilePath(expected.id));
    expect(result.status, result.text).toBe(200);
    expect(problems(profile, result.json)).toEqual([]);
    expect(profileProblems(200, result.json)).toEqual([]);
    expect(result.body.traits).toEqual(expected.traits);
    expect(result.body.traits.Contact).toMatchObject({ firstName: expect.any(String), lastName: expect.any(String) });
    expect(result.headers.get("canonical-profile-id")).toBe(expected.id);
  });

  it("narrows the traits to the groups traitGroups names", async () => {
    const id = busiest().id;
    expect((await request(`${profilePath(id)}?traitGroups=Contact`)).body.traits).toHaveProperty("Contact");
    expect((await request(`${profilePath(id)}?traitGroups=Preferences`)).body.traits).toEqual({});
    expectTwilioError(await request(`${profilePath(id)}?traitGroups=${"x".repeat(257)}`), 400);
  });

  it("answers 400 for a malformed id, 404 for an unknown profile or store, 401 without credentials", async () => {
    expectTwilioError(await request(profilePath("mem_profile_x")), 400);
    const unknown = await request(profilePath("mem_profile_00000000000000000000000000"));
    expectTwilioError(unknown, 404);
    expect(profileProblems(404, unknown.json)).toEqual([]);
    expectTwilioError(await request(profilePath(busiest().id, "mem_store_00000000000000000000000000")), 404);
    expectTwilioError(await request(profilePath(busiest().id), { authorization: null }), 401);
  });
});

describe("GET …/ConversationSummaries/{summaryId}", () => {
  it("answers SummaryInfo", async () => {
    const summary = busiest().summaries[0]!;
    const result = await request(`${listPath(busiest().id)}/${summary.id}`);
    expect(problems(summaryInfo, result.json)).toEqual([]);
    expect(result.body).toEqual(summary);
  });

  it("answers 400 for a malformed summary id, 404 for an unknown one, 401 without credentials", async () => {
    expectTwilioError(await request(`${listPath(busiest().id)}/mem_summary_x`), 400);
    expectTwilioError(await request(`${listPath(busiest().id)}/mem_summary_00000000000000000000000000`), 404);
    expectTwilioError(await request(`${listPath(busiest().id)}/${busiest().summaries[0]!.id}`, { authorization: null }), 401);
  });
});

describe("PATCH …/ConversationSummaries/{summaryId}", () => {
  const path = () => `${listPath(busiest().id)}/${busiest().summaries[0]!.id}`;

  it("answers 202 and applies the change, setting updatedAt", async () => {
    const result = await request(path(), { method: "PATCH", json: { content: "Customer confirmed the fix worked." } });
    expect(result.status).toBe(202);
    expect(problems(accepted, result.json)).toEqual([]);
    expect(result.body).toEqual({ message: "Conversation summary update accepted" });
    const after = (await request(path())).body;
    expect(after.content).toBe("Customer confirmed the fix worked.");
    expect(after.updatedAt > busiest().summaries[0]!.updatedAt).toBe(true);
    expect(after.createdAt).toBe(busiest().summaries[0]!.createdAt);
  });

  it("shows the old summary right after the 202 and the new one once applied", async () => {
    await request("/__emulator/settings", { method: "PATCH", json: { twilioApplyDelayMs: 200 } });
    const original = busiest().summaries[0]!.content;
    expect((await request(path(), { method: "PATCH", json: { content: "Applied later." } })).status).toBe(202);
    expect((await request(path())).body.content).toBe(original);
    expect((await request("/__emulator/health")).body.counts.twilio.pendingUpdates).toBe(1);
    await eventually(async () => (await request(path())).body.content === "Applied later.", "the accepted update applied");
  });

  it("applies only the fields sent", async () => {
    await request(path(), { method: "PATCH", json: { source: "summary_operator" } });
    const after = (await request(path())).body;
    expect(after).toMatchObject({ source: "summary_operator", content: busiest().summaries[0]!.content });
  });

  it.each([
    ["empty content", { content: "" }],
    ["content over 4,096 characters", { content: "x".repeat(4_097) }],
    ["a source with quotes", { source: 'say "hi"' }],
    ["an occurredAt that is no date-time", { occurredAt: "yesterday" }],
    ["a malformed conversationId", { conversationId: "conv_1" }],
  ])("answers 400 to %s, changing nothing", async (_, body) => {
    expectTwilioError(await request(path(), { method: "PATCH", json: body }), 400);
    expect((await request(path())).body).toEqual(busiest().summaries[0]);
  });

  it("accepts exactly 4,096 characters", async () => {
    expect((await request(path(), { method: "PATCH", json: { content: "y".repeat(4_096) } })).status).toBe(202);
  });

  it("answers 400, 401, 403 (a read-only key) and 404", async () => {
    expectTwilioError(await request(`${listPath(busiest().id)}/summary-1`, { method: "PATCH", json: { content: "x" } }), 400);
    expectTwilioError(await request(path(), { method: "PATCH", json: { content: "x" }, authorization: null }), 401);
    expectTwilioError(await request(path(), { method: "PATCH", json: { content: "x" }, authorization: twilioAuthorizationFor("read-only") }), 403);
    expectTwilioError(await request(`${listPath(busiest().id)}/mem_summary_00000000000000000000000000`, { method: "PATCH", json: { content: "x" } }), 404);
    expect((await request(path())).body.content).toBe(busiest().summaries[0]!.content);
  });
});

describe("429, 500 and 503 (injected: Twilio publishes no Memory rate limit and the emulator does not fail on its own)", () => {
  it.each([[429], [500], [503]] as const)("answer %s as TwilioError on every endpoint", async (status) => {
    await request("/__emulator/faults", { method: "PUT", json: [`twilio.*:status=${status},count=3`] });
    const summary = `${listPath(busiest().id)}/${busiest().summaries[0]!.id}`;
    for (const result of [await request(listPath(busiest().id)), await request(summary), await request(summary, { method: "PATCH", json: { content: "x" } })]) {
      expectTwilioError(result, status);
      if (status === 429) expect(result.headers.get("retry-after")).toBe("1");
    }
    await request("/__emulator/faults", { method: "DELETE" });
  });
});
