import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Database } from "@/lib/db/open-database";
import { storeNames } from "@/lib/db/queries/person-names";
import { syncStates } from "@/lib/db/queries/sync-state";
import { calls, personNames, syncState } from "@/lib/db/schema";
import { createOpenPhoneAdapter } from "@/lib/providers/openphone/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { loadCallForReview } from "@/lib/review/calls/load-call-for-review";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { NAMES_STALE_AFTER_MS } from "@/lib/review/queue/resolve-call-names";
import { syncCalls } from "@/lib/review/queue/sync-calls";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { openTestDatabase, testDrivers, type TestDatabase } from "../../support/test-database";

const drivers = await testDrivers();
const dataOptions = { seed: 17, calls: 150, now: new Date("2026-06-01T12:00:00Z") };
const fixture = generateFixture(dataOptions);
const quo = fixture.openphone!;
const bland = fixture.bland!;
const twilioProfiles = fixture.twilio!.stores[0]!.profiles;

/** Who each provider's data says the people are. */
const quoUserName = new Map(quo.users.map((user) => [user.id, user.name]));
const quoContactName = new Map(quo.contacts.map((contact) => [contact.defaultFields.phoneNumbers[0]!.value!, `${contact.defaultFields.firstName} ${contact.defaultFields.lastName}`]));
const blandPersonaName = new Map(bland.personas.flatMap((persona) => persona.inbound_numbers.map((number) => [number, persona.name] as const)));
const blandContactName = new Map(bland.contacts.map((contact) => [contact.identifiers[0]!.identifier_value, contact.name]));
const twilioProfileName = new Map(twilioProfiles.map((profile) => [profile.id, `${profile.traits.Contact!.firstName} ${profile.traits.Contact!.lastName}`]));

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...dataOptions, providers: ["openphone", "bland", "twilio"], rateLimits: false });
});

afterAll(async () => {
  await emulator?.close();
});

const noWait = async () => {};

function quoAdapter(): ProviderAdapter {
  const setup = emulator.setup().providers.openphone!;
  const lines = setup.phoneNumbers.map((line) => ({ phoneNumberId: line.id, participants: line.participants }));
  return createOpenPhoneAdapter({ apiKey: setup.apiKey, baseUrl: setup.baseUrl, lines, timeoutMs: 5_000, rateLimit: null, sleep: noWait });
}

const adapters = () => ({ openphone: quoAdapter(), bland: emulatorAdapter(emulator, "bland"), twilio: emulatorAdapter(emulator, "twilio") });

async function setFaults(...faults: string[]) {
  await fetch(`${emulator.url}/__emulator/faults`, { method: "PUT", body: JSON.stringify({ faults }) });
}

describe.each(drivers)("naming the queue's people (%s)", (driver) => {
  let shared: TestDatabase;

  beforeAll(async () => {
    shared = await openTestDatabase(driver);
  });

  afterAll(async () => {
    await shared?.close();
  });

  /** The file's database, emptied of what these tests write: each test starts from no calls and no names. */
  async function withDatabase(run: (database: Database) => Promise<void>) {
    for (const table of [calls, personNames, syncState]) await shared.db.delete(table);
    await run(shared);
  }

  const rowsOf = (database: Database, provider: string) => database.db.select().from(calls).where(eq(calls.provider, provider));

  it("names every provider's agents and customers with the sync, and the queue's search and agent filter find them", async () => {
    await withDatabase(async (database) => {
      for (const adapter of Object.values(adapters())) expect((await syncCalls({ database, adapter })).status).toBe("completed");

      const quoRows = await rowsOf(database, "openphone");
      expect(quoRows.length).toBe(quo.calls.length);
      for (const row of quoRows) {
        expect(row.agentName).toBe(quoUserName.get(row.agentId!));
        expect(row.counterpartName).toBe(quoContactName.get(row.counterpartNumber!) ?? null);
      }
      // Numbers nobody saved as a contact stay numbers.
      expect(quoRows.some((row) => row.counterpartName === null && row.counterpartNumber !== null)).toBe(true);

      for (const row of await rowsOf(database, "bland")) {
        expect(row.agentName).toBe(blandPersonaName.get(row.agentId!));
        expect(row.counterpartName).toBe(blandContactName.get(row.counterpartNumber!));
      }

      for (const row of await rowsOf(database, "twilio")) {
        expect(row.counterpartId).toBe(row.callId.split("~")[0]);
        expect(row.counterpartName).toBe(twilioProfileName.get(row.counterpartId!));
        // Twilio Memory names no agent.
        expect(row.agentName).toBeNull();
      }

      const someone = (await rowsOf(database, "twilio"))[0]!;
      const lastName = someone.counterpartName!.split(" ").at(-1)!;
      const providers = ["openphone", "bland", "twilio"] as const;
      const found = await listQueue(database, [...providers], queueQuerySchema.parse({ q: lastName.toUpperCase(), provider: "twilio" }), 500);
      expect(found.items.map((item) => item.callId)).toContain(someone.callId);
      const nora = await listQueue(database, [...providers], queueQuerySchema.parse({ agent: "Nora" }), 500);
      expect(nora.items.length).toBeGreaterThan(0);
      expect(nora.items.every((item) => item.provider === "bland" && item.agentName === "Nora")).toBe(true);
      expect(nora.agents).toEqual(expect.arrayContaining(["Nora", "Felix", "Iris", ...quo.users.filter((user) => quoRows.some((row) => row.agentId === user.id)).map((user) => user.name)]));
    });
  });

  it("keeps the names when the calls are listed again", async () => {
    await withDatabase(async (database) => {
      const adapter = adapters().openphone;
      await syncCalls({ database, adapter });
      // A full pass again: every call is listed anew, without names.
      await database.db.execute(sql`update sync_state set high_water_mark = null where provider = 'openphone'`);
      await database.db.delete(personNames).where(eq(personNames.kind, "agent"));
      await database.db.insert(personNames).values(quo.users.map((user) => ({ provider: "openphone", kind: "agent" as const, key: user.id, name: user.name, fetchedAt: new Date() })));
      const before = await rowsOf(database, "openphone");
      await syncCalls({ database, adapter: { ...adapter, people: () => Promise.reject(new Error("not asked: every name is kept")) } });
      const after = await rowsOf(database, "openphone");
      expect(after.map((row) => [row.callId, row.agentName, row.counterpartName, row.searchText]).sort()).toEqual(
        before.map((row) => [row.callId, row.agentName, row.counterpartName, row.searchText]).sort(),
      );
    });
  });

  it("looks up again a name kept for more than a day, and not one kept today", async () => {
    await withDatabase(async (database) => {
      const adapter = adapters().openphone;
      await syncCalls({ database, adapter });
      const [stale, fresh] = [...new Set((await rowsOf(database, "openphone")).map((row) => row.agentId!))];
      const dayAndMore = new Date(Date.now() - NAMES_STALE_AFTER_MS - 60_000);
      await storeNames(database.db, "openphone", [{ kind: "agent", key: stale!, name: "Old Name" }], dayAndMore);
      await storeNames(database.db, "openphone", [{ kind: "agent", key: fresh!, name: "Kept Today" }], new Date());

      const again = await syncCalls({ database, adapter });
      expect(again.status).toBe("completed");
      const kept = await database.db.select().from(personNames).where(and(eq(personNames.provider, "openphone"), eq(personNames.kind, "agent")));
      expect(kept.find((row) => row.key === stale)).toMatchObject({ name: quoUserName.get(stale!) });
      expect(kept.find((row) => row.key === stale)!.fetchedAt.getTime()).toBeGreaterThan(dayAndMore.getTime());
      expect(kept.find((row) => row.key === fresh)).toMatchObject({ name: "Kept Today" });
      const rows = await rowsOf(database, "openphone");
      expect(rows.filter((row) => row.agentId === stale).every((row) => row.agentName === quoUserName.get(stale!))).toBe(true);
      expect(rows.filter((row) => row.agentId === fresh).every((row) => row.agentName === "Kept Today" && row.searchText.includes("kept today"))).toBe(true);
    });
  });

  it("completes the sync when a people endpoint fails, and names the calls on the next pass", async () => {
    await withDatabase(async (database) => {
      const adapter = adapters().openphone;
      await setFaults("quo.listUsers:status=500");
      try {
        const outcome = await syncCalls({ database, adapter });
        expect(outcome).toEqual({ status: "completed", provider: "openphone", processed: quo.calls.length });
        expect((await syncStates(database.db)).find((state) => state.provider === "openphone")).toMatchObject({ status: "completed" });
        expect((await rowsOf(database, "openphone")).every((row) => row.agentName === null)).toBe(true);
      } finally {
        await setFaults();
      }
      await syncCalls({ database, adapter });
      expect((await rowsOf(database, "openphone")).every((row) => row.agentName === quoUserName.get(row.agentId!))).toBe(true);
    });
  });

  it("names the workspace's agent, customer and transcript speakers from what the sync kept, without asking the provider", async () => {
    await withDatabase(async (database) => {
      const { bland: blandAdapter, twilio: twilioAdapter } = adapters();
      const notAsked = () => Promise.reject(new Error("the review page never asks a provider for names"));

      // Bland: the contact is read with the call; the agent's name is the persona's, kept by the sync.
      const call = bland.calls.find((entry) => entry.inbound && entry.transcript !== null)!;
      await storeNames(database.db, "bland", [{ kind: "agent", key: call.to, name: "Nora" }], new Date());
      const opened = await loadCallForReview({ database, adapter: { ...blandAdapter, people: notAsked } }, call.call_id, { staleAfterMs: 60_000 });
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      expect(opened.review.call.agent).toEqual({ id: call.to, name: "Nora" });
      expect(opened.review.call.counterpart.name).toBe(blandContactName.get(call.from));
      const speakers = new Set(opened.review.call.transcript.map((turn) => `${turn.speaker}:${turn.speakerName}`));
      expect(speakers).toContain("agent:Nora");
      expect(speakers).toContain(`customer:${blandContactName.get(call.from)}`);

      // Twilio: nobody is named by the read; the profile's name comes from what the sync kept.
      const profile = twilioProfiles.find((entry) => entry.summaries.length > 0)!;
      await storeNames(database.db, "twilio", [{ kind: "counterpart", key: profile.id, name: "Dana Whitfield" }], new Date());
      const twilioCall = await loadCallForReview(
        { database, adapter: { ...twilioAdapter, people: notAsked } },
        `${profile.id}~${profile.summaries[0]!.id}`,
        { staleAfterMs: 60_000 },
      );
      expect(twilioCall.ok && twilioCall.review.call.counterpart).toEqual({ id: profile.id, name: "Dana Whitfield", number: null });
    });
  });
});
