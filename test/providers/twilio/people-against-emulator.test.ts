import { describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import { createTwilioAdapter } from "@/lib/providers/twilio/adapter";
import { emulatorForFile, recordedAdapter, rejection, setFaults } from "../emulator-harness";

const dataOptions = { seed: 13, calls: 150, now: new Date("2026-05-12T15:00:00Z") };
const store = generateFixture({ ...dataOptions, providers: ["twilio"] }).twilio!.stores[0]!;
const emulator = emulatorForFile({ ...dataOptions, providers: ["twilio"], rateLimits: false });
const UNKNOWN_PROFILE = "mem_profile_00000000000000000000000000";

function twilio() {
  const setup = emulator.setup().providers.twilio!;
  return recordedAdapter(createTwilioAdapter, {
    apiKeySid: setup.apiKeySid,
    apiKeySecret: setup.apiKeySecret,
    baseUrl: setup.baseUrl,
    storeId: setup.storeId,
    profileIds: setup.profileIds,
  });
}

const nameOf = (profile: (typeof store.profiles)[number]) => `${profile.traits.Contact!.firstName} ${profile.traits.Contact!.lastName}`;

describe("Twilio people: profiles", () => {
  it("names each profile from its Contact traits, asking for that trait group only", async () => {
    const adapter = twilio();
    const answer = await adapter.people!({ agents: [], counterparts: [...store.profiles.map((profile) => profile.id), UNKNOWN_PROFILE, "not-a-profile"] });
    for (const profile of store.profiles) expect(answer.counterparts.get(profile.id)).toBe(nameOf(profile));
    expect(answer.counterparts.get(UNKNOWN_PROFILE)).toBeNull();
    expect(answer.counterparts.get("not-a-profile")).toBeNull();
    // Memory names no agent for a summary: nothing is looked up for agents.
    expect(answer.agents.size).toBe(0);
    const reads = adapter.fetch.exchanges.map((exchange) => new URL(exchange.url));
    expect(reads).toHaveLength(store.profiles.length + 1);
    expect(reads.every((url) => url.searchParams.get("traitGroups") === "Contact")).toBe(true);
  });

  it("leaves out a profile whose read failed, to be asked again, and names the others", async () => {
    const profiles = store.profiles.slice(0, 4);
    await setFaults(emulator, { endpoint: "twilio.getProfile", status: 500, count: 1 });
    const answer = await twilio().people!({ agents: [], counterparts: profiles.map((profile) => profile.id) });
    const missed = profiles.filter((profile) => !answer.counterparts.has(profile.id));
    expect(missed).toHaveLength(1);
    for (const profile of profiles) if (profile !== missed[0]) expect(answer.counterparts.get(profile.id)).toBe(nameOf(profile));
    const again = await twilio().people!({ agents: [], counterparts: [missed[0]!.id] });
    expect(again.counterparts.get(missed[0]!.id)).toBe(nameOf(missed[0]!));
  });

  it("throws Twilio's error when no profile can be read", async () => {
    await setFaults(emulator, { endpoint: "twilio.getProfile", status: 500 });
    const error = await rejection(twilio().people!({ agents: [], counterparts: store.profiles.slice(0, 3).map((profile) => profile.id) }));
    expect(error).toMatchObject({ provider: "twilio", status: 500, code: "20500" });
  });
});
