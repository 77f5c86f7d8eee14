import { fillTemplate } from "../fill-template";
import { Prng } from "../prng";
import { scenarios } from "../scenarios";
import type { BlandCall, BlandContact, BlandSection, ContactMemory } from "../sections/bland-section";
import { spoken } from "../spoken-formats";
import type { LineName } from "../team";
import { team } from "../team";
import type { ScenarioId } from "../transcript-source";
import { renderTurns } from "../render-transcript";
import { callCommitments, lazyTurns, SummaryAuthor, type SummaryAuthoring, type Written } from "../truth/summary-author";
import { summaryTruth, type CallCommitment, type LocatedError, type TurnSource, type TruthUnit } from "../truth/summary-truth";
import { writePlainSummary } from "../write-summary";
import { People, type Person } from "./people";
import { isoMillis, pickIndexes, rareCount, Storyteller } from "./story";
import { UniqueIds } from "./unique-ids";

/** Fixed, so the organisation and its agents are the same for every seed. */
export const blandOrgId = "5f0c2a8e-3b1d-4c7a-9e25-b8d4f61a0c93";

/** Bland's AI agents: one persona per line; inbound calls reach the line's agent number. */
export const blandLines: Record<LineName, { number: string; name: string; persona: { id: string; name: string } }> = {
  support: { number: "+15550300100", name: "Northwind support line", persona: { id: "persona-nora0001", name: "Nora" } },
  sales: { number: "+15550300200", name: "Northwind sales line", persona: { id: "persona-felix001", name: "Felix" } },
  billing: { number: "+15550300300", name: "Northwind billing line", persona: { id: "persona-iris0001", name: "Iris" } },
};

/** Where a transfer goes: the human team behind the AI agents. */
const HUMAN_TEAM_NUMBER = "+15550300999";

/** The detail each scenario is about, which becomes a remembered entity. */
const entityOf: Record<ScenarioId, { type: string; fact: string }> = {
  billing_dispute: { type: "invoice", fact: "invoice" },
  pricing_question: { type: "quote", fact: "plan" },
  appointment_reschedule: { type: "work_order", fact: "work_order" },
  cancellation: { type: "account", fact: "account" },
  technical_support: { type: "device", fact: "device" },
  order_status: { type: "order", fact: "order" },
};

/** What one memory needs from each of its calls. */
type MemoryCall = { ms: number; endMs: number; scenario: ScenarioId; facts: Record<string, string>; short: string; escalated: boolean; truth?: CallTruth };
/** What the memory's truth needs of one of its calls. */
type CallTruth = { source: TurnSource; written: Written<string>; commitments: CallCommitment[] };
type MemoryKey = { contact: number; line: LineName; byPersona: boolean };

class BlandGenerator {
  private readonly rng: Prng;
  private readonly people: People;
  private readonly stories: Storyteller;
  private readonly ids: UniqueIds;
  private readonly persons: Person[] = [];
  private readonly memoryCalls = new Map<string, { key: MemoryKey; calls: MemoryCall[] }>();
  private readonly author: SummaryAuthor;

  constructor(
    seed: number,
    private readonly calls: number,
    private readonly now: Date,
    private readonly authoring: SummaryAuthoring = {},
  ) {
    this.author = new SummaryAuthor(authoring);
    this.rng = new Prng(seed);
    this.people = new People(this.rng, [...Object.values(blandLines).map((line) => line.number), HUMAN_TEAM_NUMBER]);
    this.stories = new Storyteller(this.rng, now);
    this.ids = new UniqueIds(this.rng);
  }

  generate(): BlandSection {
    const contactCount = Math.min(20_000, Math.max(12, Math.ceil(this.calls / 3)));
    for (let i = 0; i < contactCount; i++) this.persons.push(this.people.person());
    const contacts = this.persons.map((person) => this.contact(person));

    const marathons = pickIndexes(this.rng, this.calls, rareCount(this.calls, 0.005));
    const calls: { call: BlandCall; ms: number }[] = [];
    for (let i = 0; i < this.calls; i++) calls.push(this.call(marathons.has(i)));
    calls.sort((a, b) => b.ms - a.ms || (a.call.call_id < b.call.call_id ? -1 : 1));

    for (const { key, calls: memoryCalls } of this.memoryCalls.values()) {
      (contacts[key.contact] as BlandContact).memories.push(this.memory(key, memoryCalls, this.persons[key.contact] as Person));
    }
    return {
      org_id: blandOrgId,
      agent_numbers: Object.values(blandLines).map((line) => ({ number: line.number, name: line.name })),
      personas: Object.values(blandLines).map((line) => ({ ...line.persona, inbound_numbers: [line.number] })),
      contacts,
      calls: calls.map((entry) => entry.call),
    };
  }

  private contact(person: Person): BlandContact {
    const id = this.ids.uuid();
    const created = this.stories.date(0);
    const at = isoMillis(new Date(created.getTime() - 60 * 86_400_000));
    const identifiers: BlandContact["identifiers"] = [
      { id: this.ids.uuid(), identifier_type: "phone_number", identifier_value: person.phone, is_primary: true },
    ];
    if (this.rng.chance(0.6)) identifiers.push({ id: this.ids.uuid(), identifier_type: "email", identifier_value: person.email, is_primary: false });
    return {
      id,
      name: person.name,
      metadata: { source: this.rng.pick(["inbound_call", "crm_import", "web_form"]) },
      created_at: at,
      updated_at: at,
      identifiers,
      memories: [],
    };
  }

  private call(marathon: boolean): { call: BlandCall; ms: number } {
    const scenarioId = this.stories.scenario();
    const lineName = scenarios[scenarioId].line;
    const line = blandLines[lineName];
    const story = this.stories.story(scenarioId, this.rng.chance(0.6) ? "inbound" : "outbound", marathon);
    const contactIndex = Math.floor(this.rng.next() ** 2 * this.persons.length);
    const customer = this.persons[contactIndex] as Person;
    const recipe = this.stories.recipe(story, {
      agentName: line.persona.name,
      customer,
      email: customer.email,
      company: null,
      team: team.name,
      lineNumber: line.number,
    });
    const inbound = story.direction === "inbound";
    const startMs = story.date.getTime() + this.rng.int(1, 4) * 1000;
    const endMs = startMs + story.durationSec * 1000;
    const minutes = Math.round((story.durationSec / 60) * 1000) / 1000;
    const subject = { scenario: scenarioId, facts: recipe.facts, shape: story };
    const turns = lazyTurns(() => renderTurns({ recipe }, story).map((turn) => turn.text));
    const written = this.author.text({ facts: recipe.facts, date: story.date, turns }, (edit) => writePlainSummary(subject, { short: true }, edit));
    const short = written.value;

    const memoryKey = `${contactIndex}:${inbound ? "number" : "persona"}:${lineName}`;
    let memory = this.memoryCalls.get(memoryKey);
    if (memory === undefined) {
      memory = { key: { contact: contactIndex, line: lineName, byPersona: !inbound }, calls: [] };
      this.memoryCalls.set(memoryKey, memory);
    }
    const callId = this.ids.uuid();
    // Bland serves the rendered turns in order, a transfer's agent-action line after them.
    const source: TurnSource = { call: callId, turns: this.authoring.truth ? turns() : [], linked: true };
    const truth = this.authoring.truth ? { source, written, commitments: callCommitments(subject, source) } : undefined;
    memory.calls.push({ ms: startMs, endMs, scenario: scenarioId, facts: recipe.facts, short, escalated: story.outcome === "transferred", ...(truth ? { truth } : {}) });

    const call: BlandCall = {
      call_id: callId,
      created_at: isoMillis(story.date),
      started_at: isoMillis(new Date(startMs)),
      end_at: isoMillis(new Date(endMs)),
      call_length: minutes,
      from: inbound ? customer.phone : line.number,
      to: inbound ? line.number : customer.phone,
      inbound,
      completed: true,
      queue_status: "complete",
      answered_by: story.outcome === "voicemail" ? "voicemail" : "human",
      call_ended_by: story.outcome === "transferred" || this.rng.chance(0.5) ? "ASSISTANT" : "USER",
      recording_url: this.rng.chance(0.85) ? `https://storage.example.com/bland/recordings/${callId}.wav` : null,
      persona_id: inbound ? null : line.persona.id,
      summary: this.rng.chance(0.97) ? short : null,
      transcript: { recipe },
      transferred_to: story.outcome === "transferred" ? HUMAN_TEAM_NUMBER : null,
      transferred_at: story.outcome === "transferred" ? isoMillis(new Date(endMs - 5_000)) : null,
      error_message: null,
      batch_id: !inbound && this.rng.chance(0.3) ? `batch-${this.ids.hex(12)}` : null,
      price: Math.round(minutes * 0.09 * 1000) / 1000,
    };
    return { call, ms: story.date.getTime() };
  }

  /** The rolling plain-text overview Bland keeps of a contact: the latest calls, newest first. */
  private memory(key: MemoryKey, calls: MemoryCall[], person: Person): ContactMemory {
    calls.sort((a, b) => a.ms - b.ms);
    const first = calls[0] as MemoryCall;
    const last = calls[calls.length - 1] as MemoryCall;
    const line = blandLines[key.line];
    const writtenMs = last.endMs + this.rng.int(30, 300) * 1000;
    const recent = calls.slice(-3).reverse();
    // A memory whose latest call has just ended has no summary yet.
    const pending = this.now.getTime() - last.endMs < 3_600_000 || this.rng.chance(0.04);
    const pieces = pending
      ? null
      : [
          `${person.name} has spoken with ${line.persona.name} ${calls.length === 1 ? "once" : `${calls.length} times`}.`,
          ...recent.map((call, index) => `${index === 0 ? "Latest" : "Earlier"} (${spoken.shortDay(new Date(call.ms))}): ${call.short}`),
          `Prefers ${this.rng.pick(["phone calls", "text messages", "email"])}.`,
        ];
    const summary = pieces === null ? null : pieces.join(" ");
    const entity = entityOf[last.scenario];
    const [ask, answer] = scenarios[last.scenario].brief(last.facts);
    const id = this.ids.uuid("mem-");
    if (pieces !== null && this.authoring.truth) this.authoring.truth[id] = memoryTruth(pieces, recent, [person.name, line.persona.name]);
    return {
      id,
      persona_id: key.byPersona ? line.persona.id : null,
      agent_number: key.byPersona ? null : line.number,
      summary,
      summary_updated_at: summary === null ? null : isoMillis(new Date(writtenMs)),
      facts: { name: person.name, email: person.email, zip: person.zip },
      recent_messages: [
        { role: "user", content: fillTemplate(ask, last.facts), channel: "call", timestamp: isoMillis(new Date(last.ms + 5_000)) },
        { role: "assistant", content: fillTemplate(answer, last.facts), channel: "call", timestamp: isoMillis(new Date(last.ms + 15_000)) },
      ],
      open_items: last.escalated
        ? [
            {
              type: "follow_up",
              description: `Follow up on ${last.facts.topic ?? "the escalated request"}.`,
              created_at: isoMillis(new Date(last.endMs)),
              priority: "high",
              related_to: { entity_type: entity.type, entity_id: last.facts[entity.fact] ?? "unknown" },
            },
          ]
        : [],
      memory_history: [],
      entities: [
        {
          entity_type: entity.type,
          entity_id: last.facts[entity.fact] ?? "unknown",
          facts: { topic: last.facts.topic ?? "" },
          status: last.escalated ? "open" : "resolved",
          last_discussed_at: isoMillis(new Date(last.ms)),
          notes: last.short,
        },
      ],
      created_at: isoMillis(new Date(first.endMs)),
      updated_at: isoMillis(new Date(summary === null ? last.endMs : writtenMs)),
    };
  }
}

/**
 * A memory's truth: the opening and closing sentences tell of no call; each "Latest/Earlier (day): …"
 * stretch tells of its call, whose errors are renumbered across the memory.
 */
function memoryTruth(pieces: readonly string[], recent: readonly MemoryCall[], people: readonly string[]) {
  const sources: TruthUnit["sources"][number][] = [];
  const errors: LocatedError[] = [];
  const dropped: { id: string; text: string; source: TurnSource }[] = [];
  const names = new Set(people);
  let offset = 0;
  let count = 0;
  const renumber = () => `e${++count}`;
  pieces.forEach((piece, index) => {
    const call = index === 0 || index === pieces.length - 1 ? undefined : recent[index - 1];
    if (call?.truth) {
      const { source, written } = call.truth;
      sources.push({ start: offset, end: offset + piece.length, source });
      const shortAt = offset + piece.length - call.short.length;
      const ids = new Map<string, string>();
      const idFor = (old: string) => ids.get(old) ?? (ids.set(old, renumber()), ids.get(old) as string);
      for (const error of written.texts[0]?.errors ?? []) {
        errors.push({ ...error, id: idFor(error.id), span: error.span && { start: error.span.start + shortAt, end: error.span.end + shortAt } });
      }
      for (const entry of written.dropped) dropped.push({ id: idFor(entry.id), text: entry.text, source });
      for (const name of written.names) names.add(name);
    }
    offset += piece.length + 1;
  });
  const commitments = recent.flatMap((call) => call.truth?.commitments ?? []);
  return summaryTruth({ units: [{ text: pieces.join(" "), sources, errors }], names: [...names], commitments, dropped });
}

/** Bland's organisation: three AI agents (a number and a persona each), contacts with memories, calls. */
export function generateBlandSection(options: { seed: number; calls: number; now: Date } & SummaryAuthoring): BlandSection {
  return new BlandGenerator(options.seed, options.calls, options.now, options).generate();
}
