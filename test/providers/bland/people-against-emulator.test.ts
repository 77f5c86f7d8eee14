import { describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import { createBlandAdapter } from "@/lib/providers/bland/adapter";
import { emulatorForFile, recordedAdapter, rejection, setFaults } from "../emulator-harness";

// Enough calls for more contacts than one page of Bland's contact list holds (200).
const dataOptions = { seed: 9, calls: 700, now: new Date("2026-05-12T15:00:00Z") };
const section = generateFixture({ ...dataOptions, providers: ["bland"] }).bland!;
const emulator = emulatorForFile({ ...dataOptions, providers: ["bland"], rateLimits: false });

function bland() {
  const setup = emulator.setup().providers.bland!;
  return recordedAdapter(createBlandAdapter, { apiKey: setup.apiKey, baseUrl: setup.baseUrl });
}

const customerOf = (call: (typeof section.calls)[number]) => (call.inbound ? call.from : call.to);

describe("Bland people: personas and contacts", () => {
  it("names an agent number by the persona it is attached to, and a customer by the contact holding the number", async () => {
    const agentNumbers = section.agent_numbers.map((entry) => entry.number);
    const customers = [...new Set(section.calls.map(customerOf))];
    const adapter = bland();
    // Bland also shows numbers without their country code: either spelling is named.
    const answer = await adapter.people!({ agents: [...agentNumbers, agentNumbers[0]!.slice(2), "+15559990000"], counterparts: [...customers, "+15559990000"] });

    for (const persona of section.personas) for (const number of persona.inbound_numbers) expect(answer.agents.get(number)).toBe(persona.name);
    expect(answer.agents.get(agentNumbers[0]!.slice(2))).toBe(section.personas[0]!.name);
    expect(answer.agents.get("+15559990000")).toBeNull();
    const byNumber = new Map(section.contacts.map((contact) => [contact.identifiers[0]!.identifier_value, contact.name]));
    expect(section.contacts.length).toBeGreaterThan(200);
    for (const number of customers) expect(answer.counterparts.get(number)).toBe(byNumber.get(number));
    expect(answer.counterparts.get("+15559990000")).toBeNull();
  });

  it("stops reading contacts once everyone asked about is found", async () => {
    const adapter = bland();
    const first = section.contacts[0]!;
    const answer = await adapter.people!({ agents: [], counterparts: [first.identifiers[0]!.identifier_value] });
    expect(answer.counterparts.get(first.identifiers[0]!.identifier_value)).toBe(first.name);
    expect(adapter.fetch.exchanges.map((exchange) => new URL(exchange.url).pathname)).toEqual(["/bland/v1/contacts"]);
  });

  it("throws Bland's error when the personas cannot be read", async () => {
    await setFaults(emulator, "bland.listPersonas:status=500,count=1");
    const error = await rejection(bland().people!({ agents: [section.agent_numbers[0]!.number], counterparts: [] }));
    expect(error).toMatchObject({ provider: "bland", status: 500 });
  });
});
