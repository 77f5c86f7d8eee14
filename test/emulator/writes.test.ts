import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alloKeyFor } from "@/emulator/allo/keys";
import { blandKeyFor } from "@/emulator/bland/keys";
import type { Fixture } from "@/emulator/data/fixture-schema";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { twilioAuthorizationFor } from "@/emulator/twilio/credentials";
import { WriteLog, writesAnswerSchema, type SummaryWrite } from "@/emulator/write-log";
import { http, type HttpResult } from "./support/http";
import { representativeItems, testDataOptions, testDocument } from "./support/test-data";

let emulator: RunningEmulator;
let document: Fixture;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...testDataOptions, rateLimits: false, twilioApplyDelayMs: 0 });
  document = testDocument();
});

beforeEach(async () => {
  await admin("/other-editor", { method: "DELETE" });
  await admin("/faults", { method: "DELETE" });
  await admin("/settings", { method: "PATCH", json: { rateLimits: false, twilioApplyDelayMs: 0 } });
  await admin("/reset", { method: "POST" });
});

afterAll(async () => {
  await emulator.close();
});

const admin = (path: string, init: { method?: string; json?: unknown } = {}) => http(`${emulator.url}/__emulator${path}`, init);

async function writes(query = ""): Promise<SummaryWrite[]> {
  const result = await admin(`/writes${query}`);
  expect(result.status, result.text).toBe(200);
  return writesAnswerSchema.parse(result.json).writes;
}

/** Polls the log until `check` holds: Twilio applies an accepted update later. */
async function writesUntil(check: (listed: SummaryWrite[]) => boolean, what: string): Promise<SummaryWrite[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const listed = await writes();
    if (check(listed)) return listed;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Never happened: ${what}`);
}

const setFaults = async (...faults: string[]) => {
  const result = await admin("/faults", { method: "PUT", json: { faults } });
  expect(result.status, result.text).toBe(200);
};

const allo = (id: string, json: unknown): Promise<HttpResult> =>
  http(`${emulator.url}/v2/api/conversations/items/${id}/summary`, { method: "PATCH", headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` }, json });

const memoryId = () => document.bland!.contacts.flatMap((contact) => contact.memories)[0]!.id;
const bland = (id: string, summary: string): Promise<HttpResult> =>
  http(`${emulator.url}/bland/v1/memory/contact/${id}/summary`, { method: "PATCH", headers: { authorization: blandKeyFor("redline") }, json: { summary } });

function twilioTarget() {
  const store = document.twilio!.stores[0]!;
  const profile = store.profiles.find((entry) => entry.summaries.length > 0)!;
  const summaryId = profile.summaries[0]!.id;
  return { path: `/v1/Stores/${store.id}/Profiles/${profile.id}/ConversationSummaries/${summaryId}`, target: `${profile.id}~${summaryId}` };
}
const twilio = (json: unknown): Promise<HttpResult> =>
  http(`${emulator.url}/twilio${twilioTarget().path}`, { method: "PATCH", headers: { Authorization: twilioAuthorizationFor("redline") }, json });

describe("GET /__emulator/writes", () => {
  it("lists an Allo write once, naming the template only when the request did", async () => {
    const { classicOnly, bothTemplates } = representativeItems(document.allo!);
    expect((await allo(classicOnly.id, { content: "Corrected." })).status).toBe(200);
    expect((await allo(bothTemplates.id, { content: "Short, corrected.", template_key: "MARKDOWN_SHORT_CALL" })).status).toBe(200);

    const listed = await writes();
    expect(listed).toEqual([
      { provider: "allo", target: classicOnly.id, content: "Corrected.", at: expect.any(String), by: "api" },
      { provider: "allo", target: `${bothTemplates.id}#MARKDOWN_SHORT_CALL`, content: "Short, corrected.", at: expect.any(String), by: "api" },
    ]);
  });

  it("lists a Bland write once, by its memory id", async () => {
    expect((await bland(memoryId(), "Rolling summary, corrected.")).status).toBe(200);
    expect(await writes()).toEqual([{ provider: "bland", target: memoryId(), content: "Rolling summary, corrected.", at: expect.any(String), by: "api" }]);
  });

  it("lists a Twilio write when it is applied, not when it is accepted", async () => {
    // Accepted but held back: nothing has landed yet.
    await admin("/settings", { method: "PATCH", json: { twilioApplyDelayMs: 600_000 } });
    expect((await twilio({ content: "Held back." })).status).toBe(202);
    expect((await admin("/health")).body.counts.twilio.pendingUpdates).toBe(1);
    expect(await writes()).toEqual([]);
    await admin("/reset", { method: "POST" });

    await admin("/settings", { method: "PATCH", json: { twilioApplyDelayMs: 20 } });
    expect((await twilio({ content: "Applied shortly." })).status).toBe(202);
    const listed = await writesUntil((entries) => entries.length > 0, "the accepted Twilio update applied");
    expect(listed).toEqual([{ provider: "twilio", target: twilioTarget().target, content: "Applied shortly.", at: expect.any(String), by: "api" }]);
  });

  it("leaves out a Twilio update that changes no content", async () => {
    expect((await twilio({ source: "manual" })).status).toBe(202);
    expect((await twilio({ content: "With content." })).status).toBe(202);
    // Updates apply in the order accepted, so once the second is listed the first has been applied too.
    expect((await writesUntil((entries) => entries.length > 0, "the content update applied")).map((write) => write.content)).toEqual(["With content."]);
  });

  it("lists a write whose answer was lost after it was applied", async () => {
    await setFaults("bland.updateMemorySummary:apply-then-reset,count=1");
    await expect(bland(memoryId(), "Saved before the reset.")).rejects.toThrow();
    await setFaults("allo.updateSummary:apply-then-reset,count=1");
    const { classicOnly } = representativeItems(document.allo!);
    await expect(allo(classicOnly.id, { content: "Saved, then dropped." })).rejects.toThrow();

    expect((await writes()).map(({ provider, target, content }) => ({ provider, target, content }))).toEqual([
      { provider: "bland", target: memoryId(), content: "Saved before the reset." },
      { provider: "allo", target: classicOnly.id, content: "Saved, then dropped." },
    ]);
  });

  it("leaves out writes that were refused", async () => {
    await setFaults("*.updateSummary:status=503", "bland.updateMemorySummary:status=503");
    const { classicOnly, bothTemplates } = representativeItems(document.allo!);
    expect((await allo(classicOnly.id, { content: "Refused." })).status).toBe(503);
    expect((await bland(memoryId(), "Refused.")).status).toBe(503);
    expect((await twilio({ content: "Refused." })).status).toBe(503);
    await admin("/faults", { method: "DELETE" });
    // The provider's own refusals: a template the request must name, an empty summary, content over the limit.
    expect((await allo(bothTemplates.id, { content: "Which one?" })).status).toBe(400);
    expect((await bland(memoryId(), "")).status).toBe(400);
    expect((await twilio({ content: "x".repeat(4_097) })).status).toBe(400);
    expect((await admin("/health")).body.counts.twilio.pendingUpdates).toBe(0);
    expect(await writes()).toEqual([]);
  });

  it("marks the other editor's writes", async () => {
    const edited = (await admin("/other-editor/edit", { method: "POST", json: { provider: "bland" } })).body.write;
    expect(await writes()).toEqual([{ provider: "bland", target: edited.target.id, content: edited.content, at: expect.any(String), by: "other-editor" }]);

    await admin("/settings", { method: "PATCH", json: { twilioApplyDelayMs: 20 } });
    const accepted = (await admin("/other-editor/edit", { method: "POST", json: { provider: "twilio" } })).body.write;
    const listed = await writesUntil((entries) => entries.length === 2, "the other editor's Twilio update applied");
    expect(listed[1]).toEqual({
      provider: "twilio",
      target: `${accepted.target.profileId}~${accepted.target.id}`,
      content: accepted.content,
      at: expect.any(String),
      by: "other-editor",
    });
  });

  it("filters by provider and target", async () => {
    const { classicOnly, shortOnly } = representativeItems(document.allo!);
    await allo(classicOnly.id, { content: "First." });
    await allo(shortOnly.id, { content: "Second." });
    await bland(memoryId(), "Third.");
    await allo(classicOnly.id, { content: "Fourth." });

    expect((await writes("?provider=allo")).map((write) => write.content)).toEqual(["First.", "Second.", "Fourth."]);
    expect((await writes(`?provider=allo&target=${classicOnly.id}`)).map((write) => write.content)).toEqual(["First.", "Fourth."]);
    expect((await writes(`?target=${memoryId()}`)).map((write) => write.content)).toEqual(["Third."]);
    expect(await writes(`?provider=bland&target=${classicOnly.id}`)).toEqual([]);
    expect((await admin("/writes?provider=openphone")).status).toBe(400);
    expect((await admin("/writes?colour=red")).status).toBe(400);
  });

  it("is cleared by a reset", async () => {
    await bland(memoryId(), "Before the reset.");
    expect(await writes()).toHaveLength(1);
    expect((await admin("/reset", { method: "POST" })).status).toBe(200);
    expect((await admin("/writes")).body).toEqual({ writes: [], dropped: 0 });
  });
});

describe("the write log", () => {
  it("keeps the last 10,000 writes and counts those it let go", () => {
    const log = new WriteLog(() => Date.parse("2026-05-12T15:00:00Z"));
    const record = log.recorderFor("bland");
    for (let i = 0; i < 10_005; i++) record(`mem-${i}`, `Write ${i}`, "api");
    const listed = log.list();
    expect(listed).toHaveLength(10_000);
    expect([listed[0]!.target, listed.at(-1)!.target]).toEqual(["mem-5", "mem-10004"]);
    expect(log.dropped).toBe(5);
    expect(log.list({ target: "mem-3" })).toEqual([]);
    expect(log.list({ target: "mem-7" })).toEqual([{ provider: "bland", target: "mem-7", content: "Write 7", at: "2026-05-12T15:00:00.000Z", by: "api" }]);
  });
});
