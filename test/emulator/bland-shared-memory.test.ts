import { describe, expect, it } from "vitest";
import { blandCallsSharingMemory } from "../support/bland-shared-memory";
import { testDataOptions, testDocument } from "./support/test-data";

describe("blandCallsSharingMemory", () => {
  it("finds memories several calls feed, each call's by its persona or else its agent number", () => {
    const shared = blandCallsSharingMemory(testDataOptions);
    expect(shared.length).toBeGreaterThan(0);
    const bland = testDocument().bland!;
    const calls = new Map(bland.calls.map((call) => [call.call_id, call]));
    const memories = new Map(bland.contacts.flatMap((contact) => contact.memories.map((memory) => [memory.id, { memory, contact }] as const)));
    for (const { memoryId, callIds } of shared) {
      expect(callIds.length).toBeGreaterThanOrEqual(2);
      const { memory, contact } = memories.get(memoryId)!;
      for (const callId of callIds) {
        const call = calls.get(callId)!;
        expect(call.completed).toBe(true);
        const customer = call.inbound ? call.from : call.to;
        expect(contact.identifiers.some((identifier) => identifier.identifier_value === customer)).toBe(true);
        if (call.persona_id !== null) expect(memory.persona_id).toBe(call.persona_id);
        else expect(memory.agent_number).toBe(call.inbound ? call.to : call.from);
      }
    }
    // A memory is listed once, and a call under one memory only.
    const listedCalls = shared.flatMap((entry) => entry.callIds);
    expect(new Set(listedCalls).size).toBe(listedCalls.length);
    expect(new Set(shared.map((entry) => entry.memoryId)).size).toBe(shared.length);
  });
});
