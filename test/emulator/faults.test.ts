import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alloKeyFor } from "@/emulator/allo/keys";
import { blandKeyFor } from "@/emulator/bland/keys";
import type { Fixture } from "@/emulator/data/fixture-schema";
import { FaultBook } from "@/emulator/faults/fault-book";
import { parseFaultSpec } from "@/emulator/faults/fault-spec";
import { openPhoneKeyFor } from "@/emulator/openphone/keys";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { twilioAuthorizationFor } from "@/emulator/twilio/credentials";
import { AlloContract, operations } from "./support/allo-contract";
import { blandError } from "./support/bland-contract";
import { problems } from "./support/contract-problems";
import { answerWithin, eventually, http, type HttpRequest } from "./support/http";
import { quoError } from "./support/openphone-contract";
import { representativeItems, testDataOptions, testDocument } from "./support/test-data";
import { twilioError } from "./support/twilio-contract";

describe("fault specs", () => {
  it("reads the --fault form", () => {
    expect(parseFaultSpec("allo.updateSummary:status=503,rate=0.5")).toEqual({ endpoint: "allo.updateSummary", status: 503, rate: 0.5 });
    expect(parseFaultSpec("quo.listCalls:hang,count=2")).toEqual({ endpoint: "quo.listCalls", mode: "hang", count: 2 });
    expect(parseFaultSpec("*:latency=200,jitter=50")).toEqual({ endpoint: "*", latency: 200, jitter: 50 });
    expect(parseFaultSpec("twilio.*:status=429,retryAfter=7")).toEqual({ endpoint: "twilio.*", status: 429, retryAfter: 7 });
    expect(parseFaultSpec("bland.updateMemorySummary:mode=apply-then-reset")).toEqual({ endpoint: "bland.updateMemorySummary", mode: "apply-then-reset" });
  });

  it.each([
    ["allo.search", /expected <endpoint>:<effect>/],
    ["allo.search:explode", /unknown effect "explode"/],
    ["allo.search:status=503,hang", /status or has a mode/],
    ["allo.search:status=418", /status/],
    ["allo.search:status=503,retryAfter=2", /retryAfter goes with status=429/],
    ["allo.search:latency=soon", /latency must be a number/],
    ["allo.search:status=503,rate=2", /rate/],
    ["allo.search:status=503,colour=red", /unknown option "colour"/],
  ])("refuses %s", (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });

  it("aims at endpoints by name, with * wildcards and quo as OpenPhone's other name", () => {
    const book = new FaultBook(() => 0.5);
    book.add(["quo.getCall:status=500", "*.updateSummary:status=503"]);
    expect(book.pick("openphone.getCall")?.status).toBe(500);
    expect(book.pick("allo.updateSummary")?.status).toBe(503);
    expect(book.pick("twilio.updateSummary")?.status).toBe(503);
    expect(book.pick("allo.search")).toBeNull();
    expect(() => book.add(["allo.serch:status=500"])).toThrow(/No endpoint matches "allo.serch"/);
  });

  it("counts hits and honours the rate", () => {
    const rolls = [0.1, 0.9, 0.2, 0.95];
    const book = new FaultBook(() => rolls.shift() ?? 0);
    book.add(["allo.search:status=503,rate=0.5,count=2"]);
    expect([1, 2, 3, 4, 5].map(() => book.pick("allo.search")?.status ?? null)).toEqual([503, null, 503, null, null]);
    expect(book.list()[0]).toMatchObject({ remaining: 0, hits: 2, spec: "allo.search:status=503,rate=0.5,count=2" });
  });
});

describe("faults over HTTP", () => {
  let emulator: RunningEmulator;
  let document: Fixture;
  const alloContract = new AlloContract();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...testDataOptions, rateLimits: false, twilioApplyDelayMs: 0 });
    document = testDocument();
  });

  beforeEach(async () => {
    await http(`${emulator.url}/__emulator/faults`, { method: "DELETE" });
    await http(`${emulator.url}/__emulator/reset`, { method: "POST" });
  });

  afterAll(async () => {
    await emulator.close();
  });

  const setFaults = async (...faults: (string | Record<string, unknown>)[]) => {
    const result = await http(`${emulator.url}/__emulator/faults`, { method: "PUT", json: { faults } });
    expect(result.status, result.text).toBe(200);
  };

  /** One request per endpoint under test, as a client would send it. */
  const call = {
    alloGet: (): [string, HttpRequest] => [
      `${emulator.url}/v2/api/conversations/items/${representativeItems(document.allo!).classicOnly.id}`,
      { headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` } },
    ],
    alloPatch: (content: string): [string, HttpRequest] => [
      `${emulator.url}/v2/api/conversations/items/${representativeItems(document.allo!).classicOnly.id}/summary`,
      { method: "PATCH", headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` }, json: { content } },
    ],
    quoCall: (): [string, HttpRequest] => [
      `${emulator.url}/openphone/v1/calls/${document.openphone!.calls[0]!.id}`,
      { headers: { Authorization: openPhoneKeyFor("redline") } },
    ],
    blandMemory: (): [string, HttpRequest] => [
      `${emulator.url}/bland/v1/memory/contact/${document.bland!.contacts.flatMap((contact) => contact.memories)[0]!.id}`,
      { headers: { authorization: blandKeyFor("redline") } },
    ],
    blandPatch: (summary: string): [string, HttpRequest] => {
      const [url, request] = call.blandMemory();
      return [`${url}/summary`, { ...request, method: "PATCH", json: { summary } }];
    },
    twilioSummary: (): [string, HttpRequest] => {
      const profile = document.twilio!.stores[0]!.profiles.find((entry) => entry.summaries.length > 0)!;
      return [
        `${emulator.url}/twilio/v1/Stores/${document.twilio!.stores[0]!.id}/Profiles/${profile.id}/ConversationSummaries/${profile.summaries[0]!.id}`,
        { headers: { Authorization: twilioAuthorizationFor("redline") } },
      ];
    },
  };
  const send = ([url, request]: [string, HttpRequest]) => http(url, request);
  const alloSummary = async () => (await send(call.alloGet())).body.data.summary as string;

  describe("error answers, in each provider's own envelope", () => {
    it("503", async () => {
      await setFaults("*:status=503");
      const allo = await send(call.alloGet());
      expect(allo.status).toBe(503);
      expect(allo.body.error).toMatchObject({ type: "server_error", code: "SERVICE_UNAVAILABLE", retryable: true });
      expect(alloContract.problems(operations.getItem, 503, allo.json)).toEqual([]);
      const quo = await send(call.quoCall());
      expect(quo.status).toBe(503);
      expect(problems(quoError("0101503", 503), quo.json)).toEqual([]);
      const bland = await send(call.blandMemory());
      expect(bland.status).toBe(503);
      expect(problems(blandError, bland.json)).toEqual([]);
      const twilio = await send(call.twilioSummary());
      expect(twilio.status).toBe(503);
      expect(problems(twilioError(503), twilio.json)).toEqual([]);
    });

    it("500", async () => {
      await setFaults("*:status=500");
      expect((await send(call.alloGet())).body.error).toMatchObject({ code: "INTERNAL_SERVER_ERROR", type: "server_error" });
      expect(problems(quoError("0101500", 500), (await send(call.quoCall())).json)).toEqual([]);
      expect((await send(call.blandMemory())).body.errors[0].error).toBe("INTERNAL_SERVER_ERROR");
      expect(problems(twilioError(500), (await send(call.twilioSummary())).json)).toEqual([]);
    });

    it("429 with each provider's retry hints", async () => {
      await setFaults("*:status=429,retryAfter=3");
      const allo = await send(call.alloGet());
      expect(allo.status).toBe(429);
      expect(allo.headers.get("retry-after")).toBe("3");
      expect(allo.body.error).toMatchObject({ code: "RATE_LIMIT_EXCEEDED", retryable: true, retry_after_seconds: 3 });
      expect(alloContract.problems(operations.getItem, 429, allo.json)).toEqual([]);
      const twilio = await send(call.twilioSummary());
      expect(twilio.headers.get("retry-after")).toBe("3");
      expect(problems(twilioError(429), twilio.json)).toEqual([]);
      // Quo and Bland document no retry header; the envelope is all they give.
      const quo = await send(call.quoCall());
      expect([quo.status, quo.body.code, quo.headers.get("retry-after")]).toEqual([429, "0100429", null]);
      const bland = await send(call.blandMemory());
      expect([bland.status, bland.body.errors[0].error]).toEqual([429, "TOO_MANY_REQUESTS"]);
    });

    it("does not apply a write it refuses", async () => {
      await setFaults("allo.updateSummary:status=503");
      const before = await alloSummary();
      expect((await send(call.alloPatch("Refused."))).status).toBe(503);
      expect(await alloSummary()).toBe(before);
    });
  });

  it("hits only the next N requests with count, and reports hits", async () => {
    await setFaults("openphone.getCall:status=500,count=2");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(call.quoCall())).status);
    expect(statuses).toEqual([500, 500, 200]);
    const listed = (await http(`${emulator.url}/__emulator/faults`)).body;
    expect(listed.faults[0]).toMatchObject({ endpoint: "openphone.getCall", status: 500, count: 2, remaining: 0, hits: 2 });
  });

  it("never hits with rate 0", async () => {
    await setFaults("allo.getItem:status=500,rate=0");
    for (let i = 0; i < 5; i++) expect((await send(call.alloGet())).status).toBe(200);
  });

  it("adds latency before answering", async () => {
    await setFaults("bland.getMemory:latency=600,count=1");
    expect(await answerWithin(...call.blandMemory(), 300)).toBe("no answer");
    await setFaults("bland.getMemory:latency=400,count=1");
    const answered = await answerWithin(...call.blandMemory(), 10_000);
    expect(answered).not.toBe("no answer");
    expect((answered as Awaited<ReturnType<typeof http>>).status).toBe(200);
  });

  it("resets the connection", async () => {
    await setFaults("twilio.getSummary:reset,count=1");
    await expect(send(call.twilioSummary())).rejects.toThrow();
    expect((await send(call.twilioSummary())).status).toBe(200);
  });

  it("hangs until the client gives up, then lets the request go", async () => {
    await setFaults("openphone.getCall:hang,count=1");
    expect(await answerWithin(...call.quoCall(), 300)).toBe("no answer");
    await eventually(async () => (await http(`${emulator.url}/__emulator/faults`)).body.hanging === 0, "the hung request released");
    expect((await send(call.quoCall())).status).toBe(200);
  });

  it("does not apply a write it resets or hangs before handling", async () => {
    const before = await alloSummary();
    await setFaults("allo.updateSummary:reset,count=1");
    await expect(send(call.alloPatch("Never sent."))).rejects.toThrow();
    await setFaults("allo.updateSummary:hang,count=1");
    expect(await answerWithin(...call.alloPatch("Never sent either."), 300)).toBe("no answer");
    expect(await alloSummary()).toBe(before);
  });

  it("answers malformed JSON", async () => {
    await setFaults("allo.getItem:malformed,count=1");
    const result = await send(call.alloGet());
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toMatch(/application\/json/);
    expect(() => JSON.parse(result.text)).toThrow();
  });

  it("answers valid JSON in the wrong shape", async () => {
    await setFaults("bland.getMemory:schema,count=1");
    const result = await send(call.blandMemory());
    expect(result.status).toBe(200);
    expect(Object.keys(result.body)).toEqual(["result"]);
    expect(result.body.result.data.id).toBeDefined();
  });

  describe("apply then withhold the answer", () => {
    it("apply-then-hang: an Allo save takes effect, the answer never comes", async () => {
      await setFaults("allo.updateSummary:apply-then-hang,count=1");
      expect(await answerWithin(...call.alloPatch("Saved, but nobody heard."), 300)).toBe("no answer");
      expect(await alloSummary()).toBe("Saved, but nobody heard.");
      // The write counted: the next one is version 3 (generated 1, the hung save 2).
      expect((await send(call.alloPatch("Again."))).body.data.version).toBe(3);
    });

    it("apply-then-reset: a Bland save takes effect, the connection drops", async () => {
      await setFaults("bland.updateMemorySummary:apply-then-reset,count=1");
      await expect(send(call.blandPatch("Saved before the reset."))).rejects.toThrow();
      expect((await send(call.blandMemory())).body.data.summary).toBe("Saved before the reset.");
    });

    it("apply-then-hang: a Twilio update is accepted and applied, the 202 never comes", async () => {
      await setFaults("twilio.updateSummary:apply-then-hang,count=1");
      const [url, request] = call.twilioSummary();
      expect(await answerWithin(url, { ...request, method: "PATCH", json: { content: "Applied in the dark." } }, 300)).toBe("no answer");
      expect((await send(call.twilioSummary())).body.content).toBe("Applied in the dark.");
    });
  });

  it("leaves the other editor's requests alone: a colleague is not on Redline's network path", async () => {
    await setFaults("*:status=503");
    const result = await http(`${emulator.url}/__emulator/other-editor/edit`, { method: "POST", json: { provider: "allo" } });
    expect(result.status).toBe(201);
    expect(result.body.write).toMatchObject({ provider: "allo", status: 200, outcome: "applied" });
  });

  describe("admin endpoints", () => {
    it("PUT replaces, POST adds, GET lists, DELETE clears", async () => {
      const faults = `${emulator.url}/__emulator/faults`;
      await http(faults, { method: "PUT", json: ["allo.search:status=500"] });
      const added = await http(faults, { method: "POST", json: { faults: [{ endpoint: "bland.*", mode: "hang", count: 1 }] } });
      expect(added.status).toBe(201);
      expect(added.body.faults[0]).toMatchObject({ spec: "bland.*:hang,count=1", remaining: 1 });
      expect((await http(faults)).body.faults.map((fault: { spec: string }) => fault.spec)).toEqual(["allo.search:status=500", "bland.*:hang,count=1"]);
      await http(faults, { method: "PUT", json: { faults: ["twilio.getSummary:malformed"] } });
      expect((await http(faults)).body.faults.map((fault: { spec: string }) => fault.spec)).toEqual(["twilio.getSummary:malformed"]);
      expect((await http(faults, { method: "DELETE" })).body).toEqual({ faults: [], hanging: 0 });
    });

    it("refuses a bad fault with 400 and a reason, keeping the faults in force", async () => {
      const faults = `${emulator.url}/__emulator/faults`;
      await setFaults("allo.search:status=500");
      for (const body of [["allo.serch:status=500"], { faults: [{ endpoint: "allo.search", status: 418 }] }, "nonsense"]) {
        const result = await http(faults, { method: "PUT", json: body });
        expect(result.status).toBe(400);
        expect(result.body.error).toEqual(expect.any(String));
      }
      expect((await http(faults)).body.faults).toHaveLength(1);
    });
  });
});
