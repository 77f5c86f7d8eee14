import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alloKeyFor } from "@/emulator/allo/keys";
import { blandKeyFor } from "@/emulator/bland/keys";
import { fixtureJsonSchema } from "@/emulator/data/fixture-json-schema";
import type { FixtureInput } from "@/emulator/data/fixture-schema";
import { generateFixture } from "@/emulator/data/generate";
import { readFixtureFile } from "@/emulator/data/load-fixture";
import { openPhoneKeyFor } from "@/emulator/openphone/keys";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { twilioAuthorizationFor } from "@/emulator/twilio/credentials";
import { http } from "./support/http";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const options = { seed: 11, calls: 30, now: new Date("2026-05-12T15:00:00Z") };
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), "redline-fixture-"));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function writeFixture(name: string, value: unknown): string {
  const file = path.join(directory, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
  return file;
}

describe("the fixture JSON Schema", () => {
  it("in emulator/fixture.schema.json is the zod schema's (regenerate with npm run emulator -- --print-schema)", () => {
    const file = JSON.parse(readFileSync(path.join(repoRoot, "emulator/fixture.schema.json"), "utf8")) as unknown;
    expect(file).toEqual(fixtureJsonSchema());
  });

  it("accepts a generated document and refuses a broken one", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(fixtureJsonSchema());
    const document = JSON.parse(JSON.stringify(generateFixture(options))) as Record<string, unknown>;
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const broken = structuredClone(document) as { twilio: { stores: { profiles: { summaries: { content: string }[] }[] }[] } };
    broken.twilio.stores[0]!.profiles.find((profile) => profile.summaries.length > 0)!.summaries[0]!.content = "";
    expect(validate(broken)).toBe(false);
  });
});

describe("loading a fixture", () => {
  let generated: RunningEmulator;
  let loaded: RunningEmulator;

  beforeAll(async () => {
    const file = writeFixture("round-trip.json", generateFixture(options));
    [generated, loaded] = await Promise.all([
      startEmulator({ port: 0, ...options, rateLimits: false, twilioApplyDelayMs: 0 }),
      startEmulator({ port: 0, fixture: readFixtureFile(file), rateLimits: false, twilioApplyDelayMs: 0 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([generated.close(), loaded.close()]);
  });

  it("serves what generation served: generate, write JSON, load, same API answers", async () => {
    const setup = generated.setup();
    expect(loaded.setup().providers).toEqual(
      Object.fromEntries(Object.entries(setup.providers).map(([name, value]) => [name, { ...value, baseUrl: value.baseUrl.replace(generated.url, loaded.url) }])),
    );
    const line = setup.providers.openphone!.phoneNumbers[0]!;
    const twilio = setup.providers.twilio!;
    const requests: [string, RequestInit][] = [
      ["/v2/api/conversations/items/search", { method: "POST", headers: { Authorization: `Api-Key ${alloKeyFor("redline")}`, "content-type": "application/json" }, body: JSON.stringify({ size: 100, extend: "transcript" }) }],
      [`/openphone/v1/calls?phoneNumberId=${line.id}&participants=${encodeURIComponent(line.participants[0]!)}&maxResults=100`, { headers: { Authorization: openPhoneKeyFor("redline") } }],
      ["/bland/v1/calls?limit=100", { headers: { authorization: blandKeyFor("redline") } }],
      ["/bland/v1/contacts?limit=200", { headers: { authorization: blandKeyFor("redline") } }],
      [`/twilio/v1/Stores/${twilio.storeId}/Profiles/${twilio.profileIds[0]}/ConversationSummaries`, { headers: { Authorization: twilioAuthorizationFor("redline") } }],
    ];
    for (const [pathAndQuery, init] of requests) {
      const [mine, theirs] = await Promise.all([fetch(`${generated.url}${pathAndQuery}`, init), fetch(`${loaded.url}${pathAndQuery}`, init)]);
      expect(await theirs.json(), pathAndQuery).toEqual(await mine.json());
    }
    const quoCall = (await (await fetch(`${generated.url}${requests[1]![0]}`, requests[1]![1])).json()) as { data: { id: string }[] };
    const transcript = `/openphone/v1/call-transcripts/${quoCall.data[0]!.id}`;
    const headers = { Authorization: openPhoneKeyFor("redline") };
    expect(await (await fetch(`${loaded.url}${transcript}`, { headers })).json()).toEqual(await (await fetch(`${generated.url}${transcript}`, { headers })).json());
  });
});

/** A hand-written document: one call per provider, its transcript written out turn by turn. */
function handWritten(): FixtureInput {
  const turns = [
    { speaker: "customer" as const, start: 0, text: "Hi, my thermostat shows E4. ¿Hablan español? 🙂" },
    { speaker: "agent" as const, start: 4.5, end: 9, text: "Sí. E4 means the sensor lost power; let's reset it." },
  ];
  return {
    format: "redline-emulator/fixture",
    version: 2,
    allo: {
      team: { id: "team-acme", name: "Acme" },
      users: [{ id: "usr-ana", name: "Ana Agent", email: "ana@acme.example" }],
      allo_numbers: [{ number: "+15550009000", name: "Main" }],
      contacts: [],
      items: [
        {
          id: "cll-handwrite1",
          type: "CALL",
          direction: "INBOUND",
          allo_number: "+15550009000",
          contact_number: "+15550001111",
          contact_id: null,
          user_id: "usr-ana",
          date: "2026-05-01T10:00:00Z",
          tags: [],
          duration: 20,
          result: "ANSWERED",
          recording_url: null,
          transcript: { turns },
          summaries: [{ template_key: "MARKDOWN_CLASSIC", content: "## Summary\n\nReset the sensor.", updated_at: "2026-05-01T10:02:00Z", updated_by: null }],
          summary_version: 1,
        },
      ],
    },
    openphone: {
      workspace: { name: "Acme" },
      users: [{ id: "USana", name: "Ana Agent", email: "ana@acme.example", role: "owner" }],
      phoneNumbers: [{ id: "PNmain", number: "+15550009000", name: "Main", userIds: ["USana"] }],
      calls: [
        {
          id: "AChandwritten",
          phoneNumberId: "PNmain",
          userId: "USana",
          direction: "incoming",
          status: "completed",
          participants: ["+15550001111", "+15550009000"],
          duration: 20,
          createdAt: "2026-05-01T10:00:00Z",
          answeredAt: "2026-05-01T10:00:03Z",
          completedAt: "2026-05-01T10:00:23Z",
          updatedAt: "2026-05-01T10:00:30Z",
          answeredBy: "USana",
          initiatedBy: null,
          callRoute: "phone-number",
          forwardedFrom: null,
          forwardedTo: null,
          aiHandled: null,
          transcript: { status: "completed", dialogue: { turns } },
          summary: { status: "completed", summary: ["Reset the sensor."], nextSteps: ["Check it tomorrow."] },
        },
      ],
    },
  };
}

describe("hand-written fixtures", () => {
  it("serve literal transcript turns", async () => {
    const emulator = await startEmulator({ port: 0, fixture: handWritten() });
    try {
      expect(Object.keys(emulator.setup().providers)).toEqual(["allo", "openphone"]);
      const item = await http(`${emulator.url}/v2/api/conversations/items/cll-handwrite1?extend=transcript`, {
        headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` },
      });
      expect(item.body.data.transcript).toEqual([
        { source: "EXTERNAL", time: "2026-05-01T10:00:00Z", text: "Hi, my thermostat shows E4. ¿Hablan español? 🙂" },
        { source: "USER", time: "2026-05-01T10:00:04Z", text: "Sí. E4 means the sensor lost power; let's reset it." },
      ]);
      const transcript = await http(`${emulator.url}/openphone/v1/call-transcripts/AChandwritten`, { headers: { Authorization: openPhoneKeyFor("redline") } });
      expect(transcript.body.data.dialogue).toEqual([
        { content: "Hi, my thermostat shows E4. ¿Hablan español? 🙂", start: 0, end: 4.5, identifier: "+15550001111", userId: null },
        { content: "Sí. E4 means the sensor lost power; let's reset it.", start: 4.5, end: 9, identifier: "+15550009000", userId: "USana" },
      ]);
    } finally {
      await emulator.close();
    }
  });

  it("name the failing path when invalid", () => {
    const bad = handWritten() as { allo: { items: { transcript: { turns: { text: string }[] } }[] }; openphone: { calls: { userId: string }[] } };
    bad.allo.items[0]!.transcript.turns[1]!.text = "";
    bad.openphone.calls[0]!.userId = "USnobody";
    const file = writeFixture("bad.json", bad);
    expect(() => readFixtureFile(file)).toThrow(/allo\.items\[0\]\.transcript\.turns\[1\]\.text/);
    try {
      readFixtureFile(file);
    } catch (error) {
      expect((error as Error).message).toContain(`Invalid fixture ${file}`);
    }
  });

  it("name cross-reference problems and unknown fields", () => {
    const unknownUser = handWritten() as { openphone: { calls: { userId: string }[] } };
    unknownUser.openphone.calls[0]!.userId = "USnobody";
    expect(() => readFixtureFile(writeFixture("user.json", unknownUser))).toThrow(/openphone\.calls\[0\]\.userId: Unknown user/);
    expect(() => readFixtureFile(writeFixture("extra.json", { ...handWritten(), mystery: true }))).toThrow(/mystery/);
  });

  it("refuse a file that is not JSON, and a provider the document has no section for", async () => {
    expect(() => readFixtureFile(writeFixture("not.json", "{ nope"))).toThrow(/is not JSON/);
    await expect(startEmulator({ port: 0, fixture: handWritten(), providers: ["bland"] })).rejects.toThrow(/no section for bland/);
  });
});
