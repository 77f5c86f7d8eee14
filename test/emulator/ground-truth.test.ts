import { describe, expect, it } from "vitest";
import { alloKeyFor } from "@/emulator/allo/keys";
import { blandKeyFor } from "@/emulator/bland/keys";
import { fixtureSchema, type Fixture } from "@/emulator/data/fixture-schema";
import { generateFixture } from "@/emulator/data/generate";
import { generateGroundTruth } from "@/emulator/data/ground-truth";
import { renderTurns, type CallShape } from "@/emulator/data/render-transcript";
import type { CallItem } from "@/emulator/data/sections/allo-section";
import { boundedIndexes, contentWords } from "@/emulator/data/truth/fact-scan";
import type { SummaryTruth, TruthFact } from "@/emulator/data/truth/truth-schema";
import { openPhoneKeyFor } from "@/emulator/openphone/keys";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { twilioAuthorizationFor } from "@/emulator/twilio/credentials";
import { http } from "./support/http";

const now = new Date("2026-05-12T15:00:00Z");
const options = { seed: 11, calls: 1_000, now, errors: { rate: 0.3 } };
const { fixture, truth } = generateGroundTruth(options);
const providers = ["allo", "openphone", "bland", "twilio"] as const;

/** Every summary as served, by provider and truth key: the text (or Quo's strings) and its call(s)' turns. */
type Served = { strings: (part?: string, item?: number) => string; turns: (call?: string) => readonly string[] | null };

const shapeOf = (direction: CallShape["direction"], outcome: CallShape["outcome"], durationSec: number): CallShape => ({ direction, outcome, durationSec });
const texts = (turns: { text: string }[]) => turns.map((turn) => turn.text);

function servedSummaries(document: Fixture): Record<(typeof providers)[number], Map<string, Served>> {
  const out = { allo: new Map<string, Served>(), openphone: new Map<string, Served>(), bland: new Map<string, Served>(), twilio: new Map<string, Served>() };
  const outcomes = { ANSWERED: "answered", VOICEMAIL: "voicemail", TRANSFERRED: "transferred" } as const;
  for (const item of document.allo!.items) {
    if (item.type !== "CALL") continue;
    const call = item as CallItem;
    const turns = texts(renderTurns(call.transcript, shapeOf(call.direction === "INBOUND" ? "inbound" : "outbound", outcomes[call.result], call.duration)));
    for (const summary of call.summaries) out.allo.set(`${call.id}#${summary.template_key}`, { strings: () => summary.content, turns: () => turns });
  }
  const quoOutcomes = { missed: "voicemail", "no-answer": "voicemail", forwarded: "transferred" } as const;
  for (const call of document.openphone!.calls) {
    if (call.summary.status !== "completed" || call.transcript.dialogue === null) continue;
    const outcome = quoOutcomes[call.status as keyof typeof quoOutcomes] ?? "answered";
    const turns = texts(renderTurns(call.transcript.dialogue, shapeOf(call.direction === "incoming" ? "inbound" : "outbound", outcome, call.duration)));
    const { summary, nextSteps } = call.summary;
    out.openphone.set(call.id, { strings: (part, item) => (part === "nextSteps" ? nextSteps : summary)![item!]!, turns: () => turns });
  }
  const blandTurns = new Map<string, string[]>();
  for (const call of document.bland!.calls) {
    const outcome = call.answered_by === "voicemail" ? "voicemail" : call.transferred_to !== null ? "transferred" : "answered";
    blandTurns.set(call.call_id, texts(renderTurns(call.transcript!, shapeOf(call.inbound ? "inbound" : "outbound", outcome, Math.round(call.call_length * 60)))));
  }
  for (const contact of document.bland!.contacts) {
    for (const memory of contact.memories) {
      if (memory.summary !== null) out.bland.set(memory.id, { strings: () => memory.summary!, turns: (call) => (call === undefined ? null : blandTurns.get(call)!) });
    }
  }
  for (const profile of document.twilio!.stores[0]!.profiles) {
    for (const summary of profile.summaries) out.twilio.set(summary.id, { strings: () => summary.content, turns: () => null });
  }
  return out;
}

const served = servedSummaries(fixture);
const entries = providers.flatMap((provider) => Object.entries(truth[provider] ?? {}).map(([key, value]) => ({ provider, key, value })));
const textOf = (provider: (typeof providers)[number], key: string, place: { part?: string; item?: number }) =>
  served[provider].get(key)!.strings(place.part, place.item);
const stated = (turn: string, value: string, kind: TruthFact["kind"]) =>
  boundedIndexes(turn, value).length > 0 || (kind === "name" && boundedIndexes(turn, value.split(" ")[0]!).length > 0);

describe("the truth of generated summaries", () => {
  it("covers every summary each provider serves, and only those", () => {
    for (const provider of providers) expect(new Set(Object.keys(truth[provider]!))).toEqual(new Set(served[provider].keys()));
    expect(entries.length).toBeGreaterThan(3_000);
  });

  it("puts every sentence and fact at its offsets in the summary as stored", () => {
    for (const { provider, key, value } of entries) {
      for (const sentence of value.sentences) expect(textOf(provider, key, sentence).slice(sentence.start, sentence.end)).toBe(sentence.text);
      for (const fact of value.facts) expect(textOf(provider, key, fact).slice(fact.start, fact.end)).toBe(fact.text);
      for (const error of value.errors) {
        if (error.start === null) continue;
        expect(textOf(provider, key, error).slice(error.start, error.end!)).toBe(error.wrong);
        expect(value.sentences[error.sentence!]!.start).toBeLessThanOrEqual(error.start);
      }
    }
  });

  it("has no sentence for a markdown heading", () => {
    for (const { value } of entries) for (const sentence of value.sentences) expect(sentence.text).not.toMatch(/^#/);
  });

  it("links each fact that is not an error to turns that state it, and each changed fact's right value to its turns only", () => {
    let checked = 0;
    for (const { provider, key, value } of entries) {
      const summary = served[provider].get(key)!;
      for (const fact of value.facts) {
        if (fact.injected !== null) continue;
        const turns = summary.turns(fact.call);
        if (turns === null) expect(fact.turns).toEqual([]);
        for (const index of fact.turns) expect(stated(turns![index]!, fact.text, fact.kind), `${key}: ${fact.text} in turn ${index}`).toBe(true);
        checked += fact.turns.length;
      }
      for (const error of value.errors) {
        if (error.wrong === null || error.right === null) continue;
        const turns = summary.turns(error.call);
        if (turns === null) continue;
        expect(error.turns.length, `${key} ${error.id}`).toBeGreaterThan(0);
        for (const index of error.turns) {
          expect(stated(turns[index]!, error.right, "name")).toBe(true);
          expect(boundedIndexes(turns[index]!, error.wrong), `${key} ${error.id}: ${error.wrong} in turn ${index}`).toEqual([]);
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it("indexes turns in the order each API serves them", async () => {
    let emulator: RunningEmulator | undefined;
    try {
      emulator = await startEmulator({ port: 0, fixture, rateLimits: false });
      const allo = Object.entries(truth.allo!).filter(([key]) => key.endsWith("#MARKDOWN_CLASSIC")).slice(0, 5);
      for (const [key, value] of allo) {
        const item = (await http(`${emulator.url}/v2/api/conversations/items/${key.split("#")[0]}?extend=transcript`, { headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` } })).body.data;
        expect(item.summary).toBe(served.allo.get(key)!.strings());
        const turns = item.transcript.map((entry: { text: string }) => entry.text);
        for (const fact of value.facts.filter((entry) => entry.injected === null)) for (const index of fact.turns) expect(stated(turns[index], fact.text, fact.kind)).toBe(true);
      }
      for (const [callId, value] of Object.entries(truth.openphone!).slice(0, 5)) {
        const headers = { Authorization: openPhoneKeyFor("redline") };
        const summary = (await http(`${emulator.url}/openphone/v1/call-summaries/${callId}`, { headers })).body.data;
        const dialogue = (await http(`${emulator.url}/openphone/v1/call-transcripts/${callId}`, { headers })).body.data.dialogue;
        for (const sentence of value.sentences) expect(summary[sentence.part!][sentence.item!].slice(sentence.start, sentence.end)).toBe(sentence.text);
        for (const fact of value.facts.filter((entry) => entry.injected === null)) for (const index of fact.turns) expect(stated(dialogue[index].content, fact.text, fact.kind)).toBe(true);
      }
      for (const [memoryId, value] of Object.entries(truth.bland!).slice(0, 5)) {
        const headers = { authorization: blandKeyFor("redline") };
        const memory = (await http(`${emulator.url}/bland/v1/memory/contact/${memoryId}`, { headers })).body.data;
        for (const sentence of value.sentences) expect(memory.summary.slice(sentence.start, sentence.end)).toBe(sentence.text);
        for (const fact of value.facts.filter((entry) => entry.injected === null && entry.call !== undefined)) {
          const call = (await http(`${emulator.url}/bland/v1/calls/${fact.call}`, { headers })).body;
          for (const index of fact.turns) expect(stated(call.transcripts[index].text, fact.text, fact.kind)).toBe(true);
        }
      }
      const store = fixture.twilio!.stores[0]!;
      for (const profile of store.profiles.slice(0, 3)) {
        for (const summary of profile.summaries) {
          const path = `${emulator.url}/twilio/v1/Stores/${store.id}/Profiles/${profile.id}/ConversationSummaries/${summary.id}`;
          const content = (await http(path, { headers: { Authorization: twilioAuthorizationFor("redline") } })).body.content;
          for (const sentence of truth.twilio![summary.id]!.sentences) expect(content.slice(sentence.start, sentence.end)).toBe(sentence.text);
        }
      }
    } finally {
      await emulator?.close();
    }
  });

  it("injects every kind of error into about the share asked", () => {
    const kinds = new Set(entries.flatMap(({ value }) => value.errors.map((error) => error.kind)));
    expect([...kinds].sort()).toEqual(
      ["changed_amount", "changed_date", "changed_id", "changed_number", "changed_time", "dropped_commitment", "invented_commitment", "swapped_name"].sort(),
    );
    for (const provider of ["allo", "openphone", "twilio"] as const) {
      const values = Object.values(truth[provider]!);
      const share = values.filter((value) => value.errors.length > 0).length / values.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.4);
    }
  });

  it("marks changed facts and invented sentences, and links invented sentences to nothing", () => {
    for (const { value } of entries) {
      for (const error of value.errors) {
        if (error.kind === "invented_commitment") {
          expect(value.sentences[error.sentence!]!.turns).toEqual([]);
          expect(value.sentences[error.sentence!]!.text.endsWith(error.wrong!)).toBe(true);
        } else if (error.kind !== "dropped_commitment") {
          expect(value.facts.filter((fact) => fact.injected === error.id).map((fact) => fact.text)).toEqual([error.wrong]);
        }
      }
    }
  });

  it("leaves dropped commitments out of the summary and uncovered", () => {
    let dropped = 0;
    for (const { provider, key, value } of entries) {
      for (const error of value.errors.filter((entry) => entry.kind === "dropped_commitment")) {
        dropped++;
        const all = value.sentences.map((sentence) => sentence.text).join("\n");
        expect(all.includes(error.right!), `${provider} ${key}`).toBe(false);
        const commitment = value.commitments.find((entry) => entry.injected === error.id)!;
        expect(commitment.covered).toBe(false);
        expect(commitment.text).toBe(error.right);
      }
    }
    expect(dropped).toBeGreaterThan(20);
  });

  it("finds error-free summaries covering the commitments a classic summary lists", () => {
    const clean = Object.entries(truth.allo!).filter(([key, value]) => key.endsWith("#MARKDOWN_CLASSIC") && value.errors.length === 0);
    let recaps = 0;
    for (const [, value] of clean) {
      for (const commitment of value.commitments) {
        // The recap a long call's small talk promises is a commitment no summary written from the scenario lists.
        if (commitment.text.startsWith("A written recap to ")) {
          recaps++;
          expect(commitment.turns.length).toBeGreaterThan(0);
        } else expect(commitment.covered).toBe(true);
      }
    }
    expect(recaps).toBeGreaterThan(0);
  });

  it("links the sentences of calls with transcripts to turns, best first", () => {
    const linked = entries.filter(({ provider }) => provider !== "twilio").flatMap(({ value }) => value.sentences);
    const withTurns = linked.filter((sentence) => sentence.turns.length > 0).length;
    expect(withTurns / linked.length).toBeGreaterThan(0.75);
    for (const { value } of entries.filter(({ provider }) => provider === "twilio")) expect(value.sentences.every((sentence) => sentence.turns.length === 0)).toBe(true);
  });

  it("links a sentence that names someone and tells what they did to where it was said, not to the greeting", () => {
    let checked = 0;
    for (const [key, value] of Object.entries(truth.allo!)) {
      const turns = served.allo.get(key)!.turns()!;
      for (const sentence of value.sentences) {
        // A name and nothing else checkable: no amount, id or date to link it by.
        if (!/ moved the device from the guest network to the main Wi-Fi and the device came back online\.$/.test(sentence.text) || sentence.turns.length === 0) continue;
        checked++;
        // Two or more of its words besides the name: "guest", "network", "main", "device"…
        const said = contentWords(turns[sentence.turns[0]!]!);
        expect([...contentWords(sentence.text.replace(/^.*? moved/, "moved"))].filter((word) => said.has(word)).length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("is deterministic for a seed", () => {
    expect(generateGroundTruth(options).truth).toEqual(truth);
  });

  it("passes the fixture schema, truth and all", () => {
    const parsed = fixtureSchema.safeParse({ ...fixture, truth });
    expect(parsed.success).toBe(true);
    expect(fixtureSchema.safeParse({ ...fixture, truth: { allo: { x: { sentences: [], facts: [], commitments: [], errors: [], extra: 1 } } } }).success).toBe(false);
  });

  it("changes nothing at rate 0: the document is byte for byte the one generated without the option", () => {
    const plain = { seed: 11, calls: 300, now };
    const before = JSON.stringify(generateFixture(plain));
    expect(JSON.stringify(generateFixture({ ...plain, errors: { rate: 0 } }))).toBe(before);
    expect(JSON.stringify(generateGroundTruth({ ...plain, errors: { rate: 0 } }).fixture)).toBe(before);
    const zero = generateGroundTruth({ ...plain, errors: { rate: 0 } }).truth;
    for (const provider of providers) for (const value of Object.values(zero[provider]!) as SummaryTruth[]) expect(value.errors).toEqual([]);
  });

  it("keeps the calls, people and ids of the error-free data when errors are written", () => {
    const errorFree = generateFixture({ seed: 11, calls: 1_000, now });
    expect(fixture.allo!.items.map((item) => item.id)).toEqual(errorFree.allo!.items.map((item) => item.id));
    expect(fixture.openphone!.calls.map((call) => call.id)).toEqual(errorFree.openphone!.calls.map((call) => call.id));
    expect(fixture.bland!.contacts.flatMap((contact) => contact.memories.map((memory) => memory.id))).toEqual(
      errorFree.bland!.contacts.flatMap((contact) => contact.memories.map((memory) => memory.id)),
    );
  });
});
