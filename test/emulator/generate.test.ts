import { describe, expect, it } from "vitest";
import { fixtureSchema, type CallItem, type Fixture } from "@/emulator/data/fixture-schema";
import { generateFixture } from "@/emulator/data/generate";
import { renderTranscript } from "@/emulator/data/render-transcript";

const now = new Date("2026-05-12T15:00:00Z");
const DAY_MS = 86_400_000;

const callsOf = (fixture: Fixture) => fixture.items.filter((item): item is CallItem => item.type === "CALL");
const share = (part: number, whole: number) => part / whole;

describe("generateFixture", () => {
  const fixture = generateFixture({ seed: 3, calls: 2_000, now });
  const calls = callsOf(fixture);

  it("is deterministic for a seed, call count and anchor", () => {
    expect(generateFixture({ seed: 3, calls: 2_000, now })).toEqual(fixture);
  });

  it("changes with the seed and moves with the anchor", () => {
    const other = generateFixture({ seed: 4, calls: 2_000, now });
    expect(other.items.map((item) => item.id)).not.toEqual(fixture.items.map((item) => item.id));

    const later = generateFixture({ seed: 3, calls: 2_000, now: new Date(now.getTime() + 7 * DAY_MS) });
    expect(later.items.map((item) => item.id)).toEqual(fixture.items.map((item) => item.id));
    expect(later.items[0]!.date).not.toBe(fixture.items[0]!.date);
  });

  it("passes its own schema", () => {
    const parsed = fixtureSchema.safeParse(fixture);
    expect(parsed.success, parsed.error?.message).toBe(true);
  });

  it("lists items newest first, all within the 30 days before the anchor", () => {
    const dates = fixture.items.map((item) => Date.parse(item.date));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(Math.min(...dates)).toBeGreaterThanOrEqual(now.getTime() - 30 * DAY_MS);
    for (const call of calls) expect(Date.parse(call.date) + call.duration * 1000).toBeLessThanOrEqual(now.getTime());
  });

  it("has the documented mix of items and summaries", () => {
    expect(calls).toHaveLength(2_000);
    expect(share(fixture.items.length - calls.length, fixture.items.length)).toBeCloseTo(0.1, 1);
    const withTemplates = (count: number) => calls.filter((call) => call.summaries.length === count).length;
    expect(share(withTemplates(0), calls.length)).toBeGreaterThan(0.07);
    expect(share(withTemplates(0), calls.length)).toBeLessThan(0.13);
    expect(share(withTemplates(2), calls.length)).toBeGreaterThan(0.12);
    expect(share(withTemplates(2), calls.length)).toBeLessThan(0.18);
    const shortOnly = calls.filter((call) => call.summaries.length === 1 && call.summaries[0]!.template_key === "MARKDOWN_SHORT_CALL");
    expect(shortOnly.every((call) => call.script.turns <= 6 || call.duration < 90)).toBe(true);
    expect(new Set(calls.map((call) => call.script.scenario)).size).toBe(6);
    expect(new Set(fixture.items.map((item) => item.user_id)).size).toBe(8);
  });

  it("writes markdown summaries in each template's shape", () => {
    for (const call of calls) {
      for (const summary of call.summaries) {
        if (summary.template_key === "MARKDOWN_CLASSIC") {
          expect(summary.content).toMatch(/^## Summary\n\n.+\n\n## Commitments\n\n(- .+\n)+\n## Next steps\n\n(- .+\n)+$/);
        } else {
          expect(summary.content).not.toContain("\n");
        }
        expect(summary.content).not.toMatch(/[{}]|undefined/);
      }
    }
  });

  it("renders every transcript as a plausible, timed conversation", () => {
    for (const call of calls) {
      const transcript = renderTranscript(call);
      expect(transcript).toHaveLength(call.script.turns);
      expect(transcript.length).toBeGreaterThanOrEqual(2);
      expect(transcript.length).toBeLessThanOrEqual(60);
      const times = transcript.map((turn) => Date.parse(turn.time));
      for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
      expect(times[0]!).toBeGreaterThanOrEqual(Date.parse(call.date));
      expect(times.at(-1)!).toBeLessThanOrEqual(Date.parse(call.date) + call.duration * 1000);
      for (const turn of transcript) {
        expect(turn.text.length).toBeGreaterThan(0);
        expect(turn.text).not.toMatch(/[{}]|undefined/);
      }
      expect(new Set(transcript.map((turn) => turn.source))).toEqual(new Set(["USER", "EXTERNAL"]));
    }
    const voicemails = calls.filter((call) => call.result === "VOICEMAIL");
    expect(voicemails.length).toBeGreaterThan(0);
    expect(voicemails.every((call) => call.recording_url === null && call.script.turns === 2)).toBe(true);
  });

  it("generates 100,000 calls with unique ids", () => {
    const large = fixtureSchema.parse(generateFixture({ seed: 1, calls: 100_000, now }));
    expect(callsOf(large)).toHaveLength(100_000);
    expect(large.items).toHaveLength(111_111);
    expect(new Set(large.items.map((item) => item.id)).size).toBe(large.items.length);
  });
});
