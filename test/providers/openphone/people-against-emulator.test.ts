import { describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import { createOpenPhoneAdapter } from "@/lib/providers/openphone/adapter";
import { emulatorForFile, recordedAdapter, rejection, setFaults } from "../emulator-harness";

// Enough calls for more contacts than one page of Quo's contact list holds (50).
const dataOptions = { seed: 5, calls: 1_500, now: new Date("2026-05-12T15:00:00Z") };
const section = generateFixture({ ...dataOptions, providers: ["openphone"] }).openphone!;
const emulator = emulatorForFile({ ...dataOptions, providers: ["openphone"], rateLimits: false });

function quo() {
  const setup = emulator.setup().providers.openphone!;
  const lines = setup.phoneNumbers.map((number) => ({ phoneNumberId: number.id, participants: number.participants }));
  return recordedAdapter(createOpenPhoneAdapter, { apiKey: setup.apiKey, baseUrl: setup.baseUrl, lines, rateLimit: null });
}

const pathsOf = (adapter: ReturnType<typeof quo>) => adapter.fetch.exchanges.map((exchange) => new URL(exchange.url).pathname.replace(/^\/openphone/, ""));
const participants = [...new Set(section.calls.map((call) => call.participants[0]!))];
const contactName = new Map(
  section.contacts.map((contact) => [contact.defaultFields.phoneNumbers[0]!.value!, `${contact.defaultFields.firstName} ${contact.defaultFields.lastName}`]),
);

describe("Quo people: users and contacts", () => {
  it("names a call's user from GET /v1/users and its other party from the workspace's contacts", async () => {
    expect(section.contacts.length).toBeGreaterThan(50);
    const adapter = quo();
    const agents = [...new Set(section.calls.map((call) => call.userId)), "USnobody000"];
    const answer = await adapter.people!({ agents, counterparts: [...participants, "+15559990000"] });

    for (const user of section.users) if (agents.includes(user.id)) expect(answer.agents.get(user.id)).toBe(user.name);
    expect(answer.agents.get("USnobody000")).toBeNull();
    for (const number of participants) expect(answer.counterparts.get(number)).toBe(contactName.get(number) ?? null);
    expect(participants.some((number) => !contactName.has(number))).toBe(true);
    expect(answer.counterparts.get("+15559990000")).toBeNull();
    // Every contact page was read, 50 at a time.
    const contactPages = adapter.fetch.exchanges.filter((exchange) => exchange.url.includes("/v1/contacts"));
    expect(contactPages.length).toBe(Math.ceil(section.contacts.length / 50));
    expect(contactPages.every((exchange) => new URL(exchange.url).searchParams.get("maxResults") === "50")).toBe(true);
  });

  it("stops reading a directory once everyone asked about is found", async () => {
    const adapter = quo();
    const first = section.contacts[0]!;
    const answer = await adapter.people!({ agents: [section.users[0]!.id], counterparts: [first.defaultFields.phoneNumbers[0]!.value!] });
    expect(answer.counterparts.get(first.defaultFields.phoneNumbers[0]!.value!)).toBe(contactName.get(first.defaultFields.phoneNumbers[0]!.value!));
    expect(pathsOf(adapter)).toEqual(["/v1/users", "/v1/contacts"]);
  });

  it("reads nothing when asked about nobody", async () => {
    const adapter = quo();
    const answer = await adapter.people!({ agents: [], counterparts: [] });
    expect([answer.agents.size, answer.counterparts.size, adapter.fetch.exchanges.length]).toEqual([0, 0, 0]);
  });

  it("throws Quo's error when a directory cannot be read", async () => {
    await setFaults(emulator, "quo.listUsers:status=500,count=1");
    const error = await rejection(quo().people!({ agents: [section.users[0]!.id], counterparts: [] }));
    expect(error).toMatchObject({ provider: "openphone", status: 500, code: "1101500" });
  });
});
