import { describe, expect, it } from "vitest";
import { callParties, findContactByNumber, memoriesOf, normalizePhoneNumber, personaOf, pickContactMemory } from "@/lib/providers/bland/contact-memory";
import { callDetailSchema, contactMemorySchema, contactSchema, type ContactMemory } from "@/lib/providers/bland/schemas";
import { AGENT_NUMBER, CUSTOMER_NUMBER, blandCall, contact } from "./fixtures";

const memory = (fields: Record<string, unknown>): ContactMemory => contactMemorySchema.parse({ id: "mem-x", ...fields });

describe("normalizePhoneNumber", () => {
  it.each([
    { value: "+12223334444", expected: "12223334444" },
    { value: "2223334444", expected: "12223334444" },
    { value: "(222) 333-4444", expected: "12223334444" },
    { value: "+44 20 7946 0958", expected: "442079460958" },
    { value: "", expected: null },
    { value: null, expected: null },
  ])("$value → $expected", ({ value, expected }) => {
    expect(normalizePhoneNumber(value)).toBe(expected);
  });
});

describe("callParties", () => {
  it("on an outbound call, the customer was dialled (to) and our agent dialled (from)", () => {
    expect(callParties(callDetailSchema.parse(blandCall()))).toEqual({ customer: CUSTOMER_NUMBER, agent: AGENT_NUMBER });
  });

  it("on an inbound call, the customer dialled (from) and our agent answered (to)", () => {
    expect(callParties(callDetailSchema.parse(blandCall({ inbound: true, from: CUSTOMER_NUMBER, to: AGENT_NUMBER })))).toEqual({
      customer: CUSTOMER_NUMBER,
      agent: AGENT_NUMBER,
    });
  });
});

describe("personaOf", () => {
  it("reads the persona from the call or from the request it was sent with", () => {
    expect(personaOf(callDetailSchema.parse(blandCall({ persona_id: "persona-1" })))).toBe("persona-1");
    expect(personaOf(callDetailSchema.parse(blandCall({ request_data: { persona_id: "persona-2" } })))).toBe("persona-2");
    expect(personaOf(callDetailSchema.parse(blandCall()))).toBeNull();
  });
});

describe("findContactByNumber", () => {
  const phone = (value: string, isPrimary = false) => ({ identifier_type: "phone_number", identifier_value: value, is_primary: isPrimary });
  const contacts = [
    contactSchema.parse(contact({ id: "email-only", identifiers: [{ identifier_type: "email", identifier_value: "12223334444", is_primary: true }] })),
    contactSchema.parse(contact({ id: "secondary", identifiers: [phone("+15550000000", true), phone("222-333-4444")] })),
    contactSchema.parse(contact({ id: "primary", identifiers: [phone("+12223334444", true)] })),
  ];

  it("prefers a contact whose primary number it is, matching numbers however they are written", () => {
    expect(findContactByNumber(contacts, "2223334444")?.id).toBe("primary");
  });

  it("takes a contact that lists the number as a secondary phone when no other does", () => {
    expect(findContactByNumber(contacts.slice(0, 2), CUSTOMER_NUMBER)?.id).toBe("secondary");
  });

  it("never matches another kind of identifier", () => {
    expect(findContactByNumber(contacts.slice(0, 1), CUSTOMER_NUMBER)).toBeNull();
  });
});

describe("pickContactMemory", () => {
  const byAgent = memory({ id: "mem-agent", agent_number: AGENT_NUMBER, updated_at: "2025-07-01T00:00:00Z" });
  const otherAgent = memory({ id: "mem-other", agent_number: "+19998887777" });
  const byPersona = memory({ id: "mem-persona", persona_id: "persona-1" });

  it("takes the memory of the agent number the call used", () => {
    expect(pickContactMemory([otherAgent, byAgent, byPersona], { personaId: null, agentNumber: "7163511654" })?.id).toBe("mem-agent");
  });

  it("takes the persona's memory for a call placed with a persona", () => {
    expect(pickContactMemory([byAgent, byPersona], { personaId: "persona-1", agentNumber: AGENT_NUMBER })?.id).toBe("mem-persona");
  });

  it("takes no stand-in for a persona the contact has no memory with", () => {
    expect(pickContactMemory([byAgent], { personaId: "persona-2", agentNumber: AGENT_NUMBER })).toBeNull();
  });

  it("takes no other agent's memory, even the only one", () => {
    expect(pickContactMemory([otherAgent], { personaId: null, agentNumber: AGENT_NUMBER })).toBeNull();
    expect(pickContactMemory([otherAgent], { personaId: null, agentNumber: null })).toBeNull();
  });

  it("takes the most recently updated of two that fit", () => {
    const newer = memory({ id: "mem-newer", agent_number: AGENT_NUMBER, updated_at: "2025-08-01T00:00:00Z" });

    expect(pickContactMemory([byAgent, newer], { personaId: null, agentNumber: AGENT_NUMBER })?.id).toBe("mem-newer");
  });

  it("reads memories listed under either field name", () => {
    const listed = contactSchema.parse(contact({ memories: null, contact_memories: [{ id: "mem-y", agent_number: AGENT_NUMBER }] }));

    expect(memoriesOf(listed).map((m) => m.id)).toEqual(["mem-y"]);
  });
});
