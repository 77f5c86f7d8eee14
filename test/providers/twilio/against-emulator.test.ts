import { describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import type { TwilioSummary } from "@/emulator/data/sections/twilio-section";
import { twilioCredentialFor, type TwilioCredentialLabel } from "@/emulator/twilio/credentials";
import type { ProviderAdapter } from "@/lib/providers/types";
import { createTwilioAdapter, type TwilioAdapterOptions } from "@/lib/providers/twilio/adapter";
import { mapTwilioError } from "@/lib/providers/twilio/errors";
import { emulatorForFile, eventually, expectNewestFirst, faultsRemaining, raw, recordedAdapter, rejection, setFaults, unreadableAnswers } from "../emulator-harness";

const dataOptions = { seed: 13, calls: 150, now: new Date("2026-05-12T15:00:00Z") };
const section = generateFixture({ ...dataOptions, providers: ["twilio"] }).twilio!;
const store = section.stores[0]!;
const summaries = store.profiles.flatMap((profile) => profile.summaries.map((summary) => ({ profileId: profile.id, summary })));
const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
const newestFirst = [...summaries].sort(
  (a, b) => desc(a.summary.occurredAt, b.summary.occurredAt) || desc(a.summary.createdAt, b.summary.createdAt) || desc(a.summary.id, b.summary.id),
);
const callIdOf = ({ profileId, summary }: { profileId: string; summary: TwilioSummary }) => `${profileId}~${summary.id}`;
const target = newestFirst[3]!;
const TARGET = callIdOf(target);
const UNKNOWN_SUMMARY = `${target.profileId}~mem_summary_00000000000000000000000000`;
const TWILIO_REQUEST_ID = /^RQ[0-9a-f]{32}$/;
const APPLY_DELAY_MS = 200;

const emulator = emulatorForFile({ ...dataOptions, providers: ["twilio"], rateLimits: false, twilioApplyDelayMs: APPLY_DELAY_MS });

/** The adapter as Redline builds it, for the emulator's store and every profile in it; waits recorded. */
function twilio({ credential, ...overrides }: Partial<TwilioAdapterOptions> & { credential?: TwilioCredentialLabel } = {}) {
  const setup = emulator.setup().providers.twilio!;
  const secret = credential ? twilioCredentialFor(credential) : { username: setup.apiKeySid, password: setup.apiKeySecret };
  return recordedAdapter(createTwilioAdapter, {
    apiKeySid: secret.username,
    apiKeySecret: secret.password,
    baseUrl: setup.baseUrl,
    storeId: setup.storeId,
    profileIds: setup.profileIds,
    ...overrides,
  });
}

const oneProfile = () => twilio({ profileIds: [target.profileId] });

describe("Twilio adapter against the emulator: success paths", () => {
  it("lists every profile's summaries as one list, newest conversation first, with totals", async () => {
    const adapter = twilio();
    const listed = [];
    for (let page = 1; ; page++) {
      const result = await adapter.listCalls({ page, size: 40 });
      expect(result.totalCount).toBe(summaries.length);
      listed.push(...result.items);
      if (!result.hasMore) break;
    }
    expect(listed.map((item) => item.ref.callId)).toEqual(newestFirst.map(callIdOf));
    expectNewestFirst(listed.map((item) => item.startedAt));
    for (const [index, item] of listed.entries()) {
      expect(item).toEqual({
        ref: { provider: "twilio", callId: callIdOf(newestFirst[index]!) },
        targetId: callIdOf(newestFirst[index]!),
        startedAt: new Date(newestFirst[index]!.summary.occurredAt).toISOString(),
        durationSec: null,
        direction: "inbound",
        agent: null,
        counterpart: { id: newestFirst[index]!.profileId, name: null, number: null },
        summaryStatus: "ready",
        summaryText: newestFirst[index]!.summary.content,
      });
    }
  });

  it("reads a summary, with no transcript and its updatedAt as the version witness", async () => {
    const detail = await twilio().getCall(TARGET);
    expect(detail).toMatchObject({ ref: { provider: "twilio", callId: TARGET }, transcript: [] });
    expect(detail.summary).toEqual({
      templateKey: null,
      content: target.summary.content,
      version: null,
      updatedAt: new Date(target.summary.updatedAt).toISOString(),
      updatedBy: null,
    });
  });

  it("has an update accepted at once, and visible only once Twilio has applied it", async () => {
    const adapter = twilio();
    expect(await adapter.updateSummary({ provider: "twilio", id: TARGET, templateKey: null }, "Corrected conversation summary.")).toEqual({ status: "accepted" });
    // Accepted is not applied: the read right after still shows the old text.
    expect((await adapter.getCall(TARGET)).summary.content).toBe(target.summary.content);

    const applied = await eventually(
      () => adapter.getCall(TARGET),
      (detail) => detail.summary.content === "Corrected conversation summary.",
    );
    expect(applied.summary.updatedAt! > new Date(target.summary.updatedAt).toISOString()).toBe(true);
  });
});

describe("Twilio adapter against the emulator: documented errors", () => {
  it.each([
    ["a wrong secret", { apiKeySecret: "wrongSecret000000000000000000000" }],
    ["a revoked key", { credential: "revoked" as const }],
  ])("maps %s to unauthorized on every endpoint, with Twilio's request id", async (_, options) => {
    const adapter = twilio({ ...options, profileIds: [target.profileId] });
    for (const operation of [
      () => adapter.listCalls({ page: 1, size: 10 }),
      () => adapter.getCall(TARGET),
      () => adapter.updateSummary({ provider: "twilio", id: TARGET, templateKey: null }, "x"),
    ]) {
      const error = await rejection(operation());
      expect(error).toMatchObject({ provider: "twilio", kind: "unauthorized", status: 401, code: "20003", retryable: false });
      expect(error.requestId).toMatch(TWILIO_REQUEST_ID);
    }
  });

  it("maps a key without Memory access to forbidden everywhere", async () => {
    const adapter = twilio({ credential: "no-memory", profileIds: [target.profileId] });
    for (const operation of [() => adapter.listCalls({ page: 1, size: 10 }), () => adapter.getCall(TARGET)]) {
      const error = await rejection(operation());
      expect(error).toMatchObject({ kind: "forbidden", status: 403, code: "403" });
      expect(error.requestId).toMatch(TWILIO_REQUEST_ID);
    }
  });

  it("maps a read-only key to forbidden on an update, while it reads", async () => {
    const adapter = twilio({ credential: "read-only", profileIds: [target.profileId] });
    await expect(adapter.getCall(TARGET)).resolves.toMatchObject({ ref: { callId: TARGET } });
    const error = await rejection(adapter.updateSummary({ provider: "twilio", id: TARGET, templateKey: null }, "x"));
    expect(error).toMatchObject({ kind: "forbidden", status: 403, code: "403", outcomeUnknown: false });
  });

  it("maps an unknown summary to not_found, on read and on update", async () => {
    const adapter = twilio();
    for (const operation of [() => adapter.getCall(UNKNOWN_SUMMARY), () => adapter.updateSummary({ provider: "twilio", id: UNKNOWN_SUMMARY, templateKey: null }, "x")]) {
      const error = await rejection(operation());
      expect(error).toMatchObject({ kind: "not_found", status: 404, code: "20404", outcomeUnknown: false });
      expect(error.requestId).toMatch(TWILIO_REQUEST_ID);
    }
  });

  it("maps a configured profile Twilio does not know to not_found when listing", async () => {
    const adapter = twilio({ profileIds: [target.profileId, "mem_profile_00000000000000000000000000"] });
    const error = await rejection(adapter.listCalls({ page: 1, size: 10 }));
    expect(error).toMatchObject({ kind: "not_found", status: 404, code: "20404" });
  });

  it("maps a configured store Twilio does not know to not_found", async () => {
    const adapter = twilio({ storeId: "mem_store_00000000000000000000000000", profileIds: [target.profileId] });
    const error = await rejection(adapter.listCalls({ page: 1, size: 10 }));
    expect(error).toMatchObject({ kind: "not_found", status: 404, code: "20404" });
  });

  describe("refusals made before sending agree with Twilio's own answer", () => {
    const setupOf = () => emulator.setup().providers.twilio!;
    const basic = () => `Basic ${Buffer.from(`${setupOf().apiKeySid}:${setupOf().apiKeySecret}`).toString("base64")}`;
    const summaryUrl = (summaryId: string) =>
      `${setupOf().baseUrl}/v1/Stores/${setupOf().storeId}/Profiles/${target.profileId}/ConversationSummaries/${summaryId}`;

    it.each([
      {
        what: "a summary over 4,096 characters",
        local: () => twilio().updateSummary({ provider: "twilio", id: TARGET, templateKey: null }, "a".repeat(4_097)),
        localCode: "SUMMARY_TOO_LONG",
        remote: () => raw(summaryUrl(target.summary.id), { method: "PATCH", headers: { authorization: basic() }, json: { content: "a".repeat(4_097) } }),
      },
      {
        what: "an empty summary",
        local: () => twilio().updateSummary({ provider: "twilio", id: TARGET, templateKey: null }, ""),
        localCode: "SUMMARY_EMPTY",
        remote: () => raw(summaryUrl(target.summary.id), { method: "PATCH", headers: { authorization: basic() }, json: { content: "" } }),
      },
      {
        what: "a malformed summary id",
        local: () => twilio().getCall(`${target.profileId}~mem_summary_nope`),
        localCode: "INVALID_CALL_ID",
        remote: () => raw(summaryUrl("mem_summary_nope"), { headers: { authorization: basic() } }),
      },
    ])("$what", async ({ local, localCode, remote }) => {
      const refused = await rejection(local());
      expect(refused).toMatchObject({ kind: "invalid", status: null, code: localCode });

      const answer = await remote();
      const mapped = mapTwilioError(answer.status, answer.body, answer.headers);
      expect(mapped).toMatchObject({ kind: "invalid", status: 400, code: "400" });
      expect(mapped.requestId).toMatch(TWILIO_REQUEST_ID);
    });
  });
});

describe("Twilio adapter against the emulator: faults", () => {
  const operations = {
    listSummaries: (adapter: ProviderAdapter) => adapter.listCalls({ page: 1, size: 10 }),
    getSummary: (adapter: ProviderAdapter) => adapter.getCall(TARGET),
    updateSummary: (adapter: ProviderAdapter) => adapter.updateSummary({ provider: "twilio", id: TARGET, templateKey: null }, "Edited through a fault."),
  } as const;
  const reads = ["listSummaries", "getSummary"] as const;
  const all = [...reads, "updateSummary"] as const;

  it.each(reads)("retries a read (%s) after a 429, waiting the Retry-After Twilio sends", async (endpoint) => {
    await setFaults(emulator, `twilio.${endpoint}:status=429,retryAfter=3,count=1`);
    const adapter = oneProfile();
    await expect(operations[endpoint](adapter)).resolves.toBeTruthy();
    expect(adapter.fetch.exchanges.map((exchange) => exchange.status).filter((status) => status !== 200)).toEqual([429]);
    expect(adapter.sleep.waits).toEqual([3_000]);
    expect(await faultsRemaining(emulator)).toEqual([0]);
  });

  it("does not retry an update after a 429, and hands on the Retry-After", async () => {
    await setFaults(emulator, "twilio.updateSummary:status=429,count=1");
    const adapter = oneProfile();
    const error = await rejection(operations.updateSummary(adapter));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "20429", retryable: true, retryAfterSec: 1, outcomeUnknown: false });
    expect(error.requestId).toMatch(TWILIO_REQUEST_ID);
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it.each(reads)("retries a read (%s) through one 503, and gives up after four", async (endpoint) => {
    await setFaults(emulator, `twilio.${endpoint}:status=503,count=1`);
    await expect(operations[endpoint](oneProfile())).resolves.toBeTruthy();

    await setFaults(emulator, `twilio.${endpoint}:status=503,count=4`);
    const adapter = oneProfile();
    const error = await rejection(operations[endpoint](adapter));
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: "20503", retryable: true, outcomeUnknown: false });
    expect(adapter.fetch.exchanges).toHaveLength(4);
  });

  it.each(all)("maps a 500 on %s to unavailable, without retrying it", async (endpoint) => {
    await setFaults(emulator, `twilio.${endpoint}:status=500,count=1`);
    const adapter = oneProfile();
    const error = await rejection(operations[endpoint](adapter));
    expect(error).toMatchObject({ kind: "unavailable", status: 500, code: "20500", retryable: true, outcomeUnknown: endpoint === "updateSummary" });
    expect(error.requestId).toMatch(TWILIO_REQUEST_ID);
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it("does not retry an update after a 503, whose outcome it cannot know", async () => {
    await setFaults(emulator, "twilio.updateSummary:status=503,count=1");
    const adapter = oneProfile();
    const error = await rejection(operations.updateSummary(adapter));
    expect(error).toMatchObject({ kind: "unavailable", status: 503, code: "20503", outcomeUnknown: true });
    expect(adapter.fetch.exchanges).toHaveLength(1);
  });

  it.each(all)("maps a reset connection on %s to unavailable", async (endpoint) => {
    await setFaults(emulator, `twilio.${endpoint}:reset,count=1`);
    const error = await rejection(operations[endpoint](oneProfile()));
    expect(error).toMatchObject({ kind: "unavailable", status: null, code: "NETWORK_ERROR", outcomeUnknown: endpoint === "updateSummary" });
  });

  it.each(all)("times out on %s when Twilio never answers", async (endpoint) => {
    await setFaults(emulator, `twilio.${endpoint}:hang,count=1`);
    const error = await rejection(operations[endpoint](twilio({ profileIds: [target.profileId], timeoutMs: 300 })));
    expect(error).toMatchObject({ kind: "timeout", status: null, code: "TIMEOUT", outcomeUnknown: endpoint === "updateSummary" });
  });

  it.each(unreadableAnswers(all))("reads a %s answer that is %s as a contract failure", async (endpoint, mode) => {
    await setFaults(emulator, `twilio.${endpoint}:${mode},count=1`);
    const error = await rejection(operations[endpoint](oneProfile()));
    expect(error).toMatchObject({
      kind: "contract",
      status: endpoint === "updateSummary" ? 202 : 200,
      code: "INVALID_RESPONSE",
      outcomeUnknown: endpoint === "updateSummary",
    });
    expect(error.requestId).toMatch(TWILIO_REQUEST_ID);
  });

  it("reports an update whose answer never came as of unknown outcome, though Twilio took it", async () => {
    await setFaults(emulator, "twilio.updateSummary:apply-then-hang,count=1");
    const error = await rejection(
      twilio({ profileIds: [target.profileId], timeoutMs: 300 }).updateSummary({ provider: "twilio", id: TARGET, templateKey: null }, "Accepted, unanswered."),
    );
    expect(error).toMatchObject({ kind: "timeout", code: "TIMEOUT", outcomeUnknown: true });
    await eventually(
      () => oneProfile().getCall(TARGET),
      (detail) => detail.summary.content === "Accepted, unanswered.",
    );
  });
});
