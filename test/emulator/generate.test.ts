import { describe, expect, it } from "vitest";
import { fixtureSchema, type Fixture } from "@/emulator/data/fixture-schema";
import { generateFixture } from "@/emulator/data/generate";
import { renderTurns } from "@/emulator/data/render-transcript";
import type { CallItem } from "@/emulator/data/sections/allo-section";
import { callShape } from "@/emulator/allo/store";
import { recipeOf } from "./support/test-data";

const now = new Date("2026-05-12T15:00:00Z");
const DAY_MS = 86_400_000;
const CALLS = 2_000;

const alloCalls = (fixture: Fixture) => fixture.allo!.items.filter((item): item is CallItem => item.type === "CALL");
const share = (part: number, whole: number) => part / whole;
const allText = (fixture: Fixture) => JSON.stringify(fixture);

describe("generateFixture", () => {
  const fixture = generateFixture({ seed: 3, calls: CALLS, now });
  const calls = alloCalls(fixture);

  it("is deterministic for a seed, call count and anchor, for every provider", () => {
    expect(generateFixture({ seed: 3, calls: CALLS, now })).toEqual(fixture);
  });

  it("changes every provider's data with the seed", () => {
    const other = generateFixture({ seed: 4, calls: CALLS, now });
    expect(other.allo!.items.map((item) => item.id)).not.toEqual(fixture.allo!.items.map((item) => item.id));
    expect(other.openphone!.calls.map((call) => call.id)).not.toEqual(fixture.openphone!.calls.map((call) => call.id));
    expect(other.bland!.calls.map((call) => call.call_id)).not.toEqual(fixture.bland!.calls.map((call) => call.call_id));
    const summaries = (document: Fixture) => document.twilio!.stores[0]!.profiles.flatMap((profile) => profile.summaries.map((summary) => summary.id));
    expect(summaries(other)).not.toEqual(summaries(fixture));
  });

  it("moves with the anchor, keeping the same calls", () => {
    const later = generateFixture({ seed: 3, calls: CALLS, now: new Date(now.getTime() + 7 * DAY_MS), providers: ["allo"] });
    expect(later.allo!.items.map((item) => item.id)).toEqual(fixture.allo!.items.map((item) => item.id));
    expect(later.allo!.items[0]!.date).not.toBe(fixture.allo!.items[0]!.date);
  });

  it("draws each provider from its own stream: leaving one out changes no other", () => {
    const alone = generateFixture({ seed: 3, calls: CALLS, now, providers: ["bland"] });
    expect(alone.bland).toEqual(fixture.bland);
    expect(alone.allo).toBeUndefined();
  });

  it("passes its own schema", () => {
    const parsed = fixtureSchema.safeParse(fixture);
    expect(parsed.success, parsed.error?.message).toBe(true);
  });

  it("makes `calls` calls for each provider", () => {
    expect(calls).toHaveLength(CALLS);
    expect(fixture.openphone!.calls).toHaveLength(CALLS);
    expect(fixture.bland!.calls).toHaveLength(CALLS);
    expect(fixture.twilio!.stores.flatMap((store) => store.profiles).flatMap((profile) => profile.summaries)).toHaveLength(CALLS);
  });

  it("gives every provider's names some Unicode: accents, CJK, right-to-left scripts, emoji", () => {
    for (const provider of ["allo", "openphone", "bland", "twilio"] as const) {
      const text = allText({ ...fixture, allo: undefined, openphone: undefined, bland: undefined, twilio: undefined, [provider]: fixture[provider] });
      expect(text, provider).toMatch(/[éèöåøÓ]/u);
      expect(text, provider).toMatch(/\p{Script=Han}/u);
      expect(text, provider).toMatch(/\p{Script=Arabic}|\p{Script=Hebrew}/u);
      expect(text, provider).toMatch(/\p{Extended_Pictographic}/u);
    }
  });

  describe("Allo", () => {
    it("lists items newest first, all within the 30 days before the anchor", () => {
      const dates = fixture.allo!.items.map((item) => Date.parse(item.date));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      expect(Math.min(...dates)).toBeGreaterThanOrEqual(now.getTime() - 30 * DAY_MS);
      for (const call of calls) expect(Date.parse(call.date) + call.duration * 1000).toBeLessThanOrEqual(now.getTime());
    });

    it("has the documented mix of items and summaries", () => {
      const items = fixture.allo!.items;
      expect(share(items.length - calls.length, items.length)).toBeCloseTo(0.1, 1);
      const withTemplates = (count: number) => calls.filter((call) => call.summaries.length === count).length;
      expect(share(withTemplates(0), calls.length)).toBeGreaterThan(0.07);
      expect(share(withTemplates(0), calls.length)).toBeLessThan(0.13);
      expect(share(withTemplates(2), calls.length)).toBeGreaterThan(0.12);
      expect(share(withTemplates(2), calls.length)).toBeLessThan(0.18);
      const shortOnly = calls.filter((call) => call.summaries.length === 1 && call.summaries[0]!.template_key === "MARKDOWN_SHORT_CALL");
      expect(shortOnly.every((call) => recipeOf(call).turns <= 6 || call.duration < 90)).toBe(true);
      expect(new Set(calls.map((call) => recipeOf(call).scenario)).size).toBe(6);
      expect(new Set(items.map((item) => item.user_id)).size).toBe(8);
    });

    it("writes markdown summaries in each template's shape, a few near the 100,000-character limit", () => {
      const huge: string[] = [];
      for (const call of calls) {
        for (const summary of call.summaries) {
          if (summary.template_key === "MARKDOWN_CLASSIC") {
            expect(summary.content).toMatch(/^## Summary\n\n.+\n\n## Commitments\n\n(- .+\n)+\n## Next steps\n\n(- .+\n)+(\n## Call log\n\n(- .+\n)+)?$/);
          } else {
            expect(summary.content).not.toContain("\n");
          }
          expect(summary.content).not.toMatch(/[{}]|undefined/);
          if (summary.content.length > 90_000) huge.push(summary.content);
        }
      }
      expect(huge.length).toBeGreaterThanOrEqual(1);
      for (const content of huge) expect(content.length).toBeLessThanOrEqual(100_000);
    });

    it("has transcripts from 2 to 200 turns, and a few marathon calls past 2,000", () => {
      const turns = calls.map((call) => recipeOf(call).turns);
      const marathons = turns.filter((count) => count > 2_000);
      expect(marathons.length).toBe(Math.round(CALLS * 0.005));
      expect(turns.filter((count) => count <= 2_000).every((count) => count >= 2 && count <= 200)).toBe(true);
      expect(Math.max(...turns.filter((count) => count <= 2_000))).toBeGreaterThan(100);
    });

    it("renders every transcript as a plausible, timed conversation", () => {
      for (const call of calls) {
        const turns = renderTurns(call.transcript, callShape(call));
        expect(turns).toHaveLength(recipeOf(call).turns);
        for (let i = 1; i < turns.length; i++) expect(Math.floor(turns[i]!.start)).toBeGreaterThan(Math.floor(turns[i - 1]!.start));
        expect(turns.at(-1)!.end).toBeLessThanOrEqual(call.duration);
        for (const turn of turns) {
          expect(turn.text.length).toBeGreaterThan(0);
          expect(turn.text).not.toMatch(/[{}]|undefined/);
        }
        expect(new Set(turns.map((turn) => turn.speaker))).toEqual(new Set(["agent", "customer"]));
      }
      const voicemails = calls.filter((call) => call.result === "VOICEMAIL");
      expect(voicemails.length).toBeGreaterThan(0);
      expect(voicemails.every((call) => call.recording_url === null && recipeOf(call).turns === 2)).toBe(true);
    });
  });

  describe("Quo", () => {
    const quoCalls = fixture.openphone!.calls;

    it("has summaries still in progress, absent, failed and completed, as bullet lists", () => {
      const statuses = new Set(quoCalls.map((call) => call.summary.status));
      expect(statuses).toEqual(new Set(["completed", "in-progress", "absent", "failed"]));
      for (const call of quoCalls.filter((entry) => entry.summary.status === "completed")) {
        expect(call.summary.summary!.length).toBeGreaterThan(0);
        expect(call.summary.nextSteps!.length).toBeGreaterThan(0);
        expect(call.summary.summary!.every((bullet) => bullet.trim() === bullet && !/^[-*#]/.test(bullet))).toBe(true);
      }
      expect(share(quoCalls.filter((call) => call.summary.status === "completed").length, quoCalls.length)).toBeGreaterThan(0.6);
    });

    it("has a transcript only for calls that connected", () => {
      for (const call of quoCalls) {
        if (call.status === "missed" || call.status === "no-answer") expect(call.transcript.status).toBe("absent");
        expect(call.transcript.dialogue !== null).toBe(call.transcript.status === "completed");
      }
    });

    it("talks to a bounded set of people per number, so every conversation can be listed", () => {
      const conversations = new Set(quoCalls.map((call) => `${call.phoneNumberId} ${call.participants[0]}`));
      expect(conversations.size).toBeLessThanOrEqual(3 * 250);
      expect(conversations.size).toBeGreaterThan(3);
    });
  });

  describe("Bland", () => {
    const bland = fixture.bland!;
    const memories = bland.contacts.flatMap((contact) => contact.memories);

    it("keeps one memory per contact and persona or agent number, with plain-text summaries", () => {
      expect(memories.length).toBeGreaterThan(0);
      expect(memories.some((memory) => memory.persona_id !== null)).toBe(true);
      expect(memories.some((memory) => memory.agent_number !== null)).toBe(true);
      expect(memories.some((memory) => memory.summary === null)).toBe(true);
      for (const memory of memories) {
        if (memory.summary === null) continue;
        expect(memory.summary).not.toMatch(/^#|\n- |\*\*/m);
        expect(memory.summary_updated_at).not.toBeNull();
      }
    });

    it("places outbound calls with a persona and answers inbound ones on an agent number", () => {
      const numbers = new Set(bland.agent_numbers.map((entry) => entry.number));
      for (const call of bland.calls) {
        if (call.inbound) expect(numbers.has(call.to) && call.persona_id === null).toBe(true);
        else expect(numbers.has(call.from) && call.persona_id !== null).toBe(true);
      }
    });
  });

  describe("Twilio", () => {
    const summaries = fixture.twilio!.stores.flatMap((store) => store.profiles).flatMap((profile) => profile.summaries);

    it("writes plain-text summaries within 4,096 characters, a few close to it", () => {
      for (const summary of summaries) {
        expect(summary.content.length).toBeGreaterThan(0);
        expect(summary.content.length).toBeLessThanOrEqual(4_096);
        expect(summary.content).not.toMatch(/^#|\n/m);
      }
      expect(summaries.filter((summary) => summary.content.length >= 3_900).length).toBeGreaterThanOrEqual(Math.round(CALLS * 0.005));
    });
  });
});
