import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alloKeyFor } from "@/emulator/allo/keys";
import { blandKeyFor } from "@/emulator/bland/keys";
import { openPhoneKeyFor } from "@/emulator/openphone/keys";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { emulatorSetupSchema, fetchEmulatorSetup } from "@/emulator/setup";
import { twilioAuthorizationFor } from "@/emulator/twilio/credentials";
import { eventually, http } from "./support/http";
import { testDataOptions, testDocument } from "./support/test-data";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, rateLimits: false, twilioApplyDelayMs: 0 });
});

beforeEach(async () => {
  await http(`${emulator.url}/__emulator/other-editor`, { method: "DELETE" });
  await http(`${emulator.url}/__emulator/reset`, { method: "POST" });
  await http(`${emulator.url}/__emulator/settings`, { method: "PATCH", json: { rateLimits: false, twilioApplyDelayMs: 0 } });
});

afterAll(async () => {
  await emulator.close();
});

const admin = (path: string, init: { method?: string; json?: unknown } = {}) => http(`${emulator.url}/__emulator${path}`, init);

describe("GET /__emulator/setup", () => {
  it("is what setup() and fetchEmulatorSetup() give, and follows its schema", async () => {
    const served = await admin("/setup");
    expect(served.status).toBe(200);
    expect(emulatorSetupSchema.safeParse(served.json).success).toBe(true);
    expect(served.body).toEqual(emulator.setup());
    expect(await fetchEmulatorSetup(emulator.url)).toEqual(served.body);
  });

  it("is enough to configure a client for every provider", async () => {
    const { providers } = emulator.setup();
    const document = testDocument();

    const allo = await http(`${providers.allo!.baseUrl}/v2/api/conversations/items/search`, {
      method: "POST",
      headers: { Authorization: providers.allo!.authorization },
      json: { size: 1 },
    });
    expect(allo.body.pagination.total_count).toBe(document.allo!.items.length);

    // Every Quo call is reachable through the numbers and participants the setup lists.
    let quoCalls = 0;
    for (const line of providers.openphone!.phoneNumbers) {
      for (const participant of line.participants) {
        const page = await http(`${providers.openphone!.baseUrl}/v1/calls?phoneNumberId=${line.id}&participants=${encodeURIComponent(participant)}&maxResults=100`, {
          headers: { Authorization: providers.openphone!.apiKey },
        });
        quoCalls += page.body.data.length;
      }
    }
    expect(quoCalls).toBe(document.openphone!.calls.length);

    expect(providers.bland!.personas).toEqual(document.bland!.personas);
    expect(providers.bland!.agentNumbers).toEqual(document.bland!.agent_numbers);
    const bland = await http(`${providers.bland!.baseUrl}/v1/calls?limit=1`, { headers: { authorization: providers.bland!.apiKey } });
    expect(bland.body.count).toBe(document.bland!.calls.length);

    const twilio = providers.twilio!;
    const basic = `Basic ${Buffer.from(`${twilio.apiKeySid}:${twilio.apiKeySecret}`).toString("base64")}`;
    let summaries = 0;
    for (const profileId of twilio.profileIds) {
      const page = await http(`${twilio.baseUrl}/v1/Stores/${twilio.storeId}/Profiles/${profileId}/ConversationSummaries?pageSize=50`, { headers: { Authorization: basic } });
      expect(page.body.meta.nextToken).toBeUndefined();
      summaries += page.body.summaries.length;
    }
    expect(summaries).toBe(200);
  });

  it("lists only the providers served", async () => {
    const only = await startEmulator({ port: 0, ...testDataOptions, calls: 10, providers: ["openphone", "twilio"] });
    try {
      expect(Object.keys(only.setup().providers).sort()).toEqual(["openphone", "twilio"]);
      expect((await http(`${only.url}/__emulator/health`)).body.providers).toEqual(["openphone", "twilio"]);
      expect((await http(`${only.url}/v2/api/me`, { headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` } })).status).toBe(404);
      expect((await http(`${only.url}/bland/v1/calls`, { headers: { authorization: blandKeyFor("redline") } })).status).toBe(404);
    } finally {
      await only.close();
    }
  });
});

describe("PATCH /__emulator/settings", () => {
  it("turns the rate limits on and off while running", async () => {
    const burst = async () => {
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          http(`${emulator.url}/openphone/v1/calls/ACnothing`, { headers: { Authorization: openPhoneKeyFor("redline") } }),
        ),
      );
      return results.map((result) => result.status);
    };
    expect(await burst()).not.toContain(429);
    expect((await admin("/settings", { method: "PATCH", json: { rateLimits: true } })).body).toEqual({ rateLimits: true, twilioApplyDelayMs: 0 });
    let limited = false;
    for (let attempt = 0; attempt < 10 && !limited; attempt++) limited = (await burst()).includes(429);
    expect(limited).toBe(true);
    await admin("/settings", { method: "PATCH", json: { rateLimits: false } });
    expect(await burst()).not.toContain(429);
  });

  it("refuses unknown settings", async () => {
    expect((await admin("/settings", { method: "PATCH", json: { speed: "fast" } })).status).toBe(400);
  });
});

describe("the other editor", () => {
  it("edits an Allo summary through Allo's API as a colleague", async () => {
    const { body, status } = await admin("/other-editor/edit", { method: "POST", json: { provider: "allo" } });
    expect(status).toBe(201);
    const write = body.write;
    expect(write).toMatchObject({ provider: "allo", status: 200, outcome: "applied" });
    expect(["Alex Kim", "Sam Ortiz"]).toContain(write.editor);
    // Visible through the public API, and attributed to the colleague on the next write's answer.
    const item = await http(`${emulator.url}/v2/api/conversations/items/${write.target.id}`, { headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` } });
    expect(item.body.data.summary).toBe(write.content);
    expect(write.content).toContain(`- ${write.editor}: `);
  });

  it("edits a Bland memory summary and a Twilio conversation summary", async () => {
    const bland = (await admin("/other-editor/edit", { method: "POST", json: { provider: "bland" } })).body.write;
    expect(bland).toMatchObject({ provider: "bland", status: 200, outcome: "applied", editor: "Sam Ortiz" });
    const memory = await http(`${emulator.url}/bland/v1/memory/contact/${bland.target.id}`, { headers: { authorization: blandKeyFor("redline") } });
    expect(memory.body.data.summary).toBe(bland.content);

    const twilio = (await admin("/other-editor/edit", { method: "POST", json: { provider: "twilio" } })).body.write;
    expect(twilio).toMatchObject({ provider: "twilio", status: 202, outcome: "accepted", editor: "Leah Chen" });
    const { storeId, profileId, id } = twilio.target;
    const summary = await http(`${emulator.url}/twilio/v1/Stores/${storeId}/Profiles/${profileId}/ConversationSummaries/${id}`, {
      headers: { Authorization: twilioAuthorizationFor("redline") },
    });
    expect(summary.body.content).toBe(twilio.content);
    expect(twilio.content.length).toBeLessThanOrEqual(4_096);
  });

  it("runs on a timer until stopped, keeping what it wrote", async () => {
    const started = await admin("/other-editor", { method: "PUT", json: { everySeconds: 0.05, providers: ["bland"] } });
    expect(started.body).toMatchObject({ running: true, everySeconds: 0.05, providers: ["bland"] });
    const before = started.body.writes.length;
    await eventually(async () => (await admin("/other-editor")).body.writes.length >= before + 2, "two timed edits");
    const stopped = await admin("/other-editor", { method: "DELETE" });
    expect(stopped.body.running).toBe(false);
    const writes = stopped.body.writes.slice(before);
    expect(writes.every((write: { provider: string; outcome: string }) => write.provider === "bland" && write.outcome === "applied")).toBe(true);
  });

  it("refuses a provider with nothing to write", async () => {
    expect((await admin("/other-editor/edit", { method: "POST", json: { provider: "openphone" } })).status).toBe(400);
    const quoOnly = await startEmulator({ port: 0, ...testDataOptions, calls: 5, providers: ["openphone"] });
    try {
      const refused = await http(`${quoOnly.url}/__emulator/other-editor`, { method: "PUT", json: { everySeconds: 1 } });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatch(/mounted and writable/);
    } finally {
      await quoOnly.close();
    }
  });

  it("starts with the emulator when asked", async () => {
    const busy = await startEmulator({ port: 0, ...testDataOptions, calls: 20, providers: ["allo"], otherEditorEverySeconds: 0.05 });
    try {
      await eventually(async () => (await http(`${busy.url}/__emulator/other-editor`)).body.writes.length > 0, "a timed edit");
    } finally {
      await busy.close();
    }
  });
});

describe("admin routing", () => {
  it("answers 404 for an unknown admin path and 405 for a wrong method", async () => {
    expect((await admin("/nothing")).status).toBe(404);
    const wrong = await admin("/setup", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });
});
