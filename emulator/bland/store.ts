import type { BlandCall, BlandContact, BlandSection, ContactMemory } from "../data/sections/bland-section";
import type { WriteActor, WriteRecorder } from "../write-log";

export type BlandCallRecord = { call: BlandCall; createdMs: number; /** Id of the first transcript line. */ firstTranscriptId: number };
/** A memory as the store keeps it: a copy, so edits never touch the fixture (a reset starts over). */
export type MemoryRecord = { memory: ContactMemory; contact: BlandContact };

function byCreatedDesc(a: BlandCallRecord, b: BlandCallRecord): number {
  return b.createdMs - a.createdMs || (a.call.call_id < b.call.call_id ? -1 : a.call.call_id > b.call.call_id ? 1 : 0);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Bland's organisation in memory: calls newest first (and by number), contacts, and their memories. */
export class BlandStore {
  readonly orgId: string;
  readonly calls: readonly BlandCallRecord[];
  readonly contacts: readonly BlandContact[];
  readonly personas: BlandSection["personas"];
  /** What the organisation calls each of its agent numbers ("Northwind support line"). */
  readonly numberLabels: ReadonlyMap<string, string>;
  private readonly callsById = new Map<string, BlandCallRecord>();
  private readonly callsFrom = new Map<string, BlandCallRecord[]>();
  private readonly callsTo = new Map<string, BlandCallRecord[]>();
  private readonly contactsById: Map<string, BlandContact>;
  private readonly memoriesById = new Map<string, MemoryRecord>();
  private memoryIdList: string[] | undefined;

  constructor(
    readonly section: BlandSection,
    private readonly recordWrite: WriteRecorder,
  ) {
    this.orgId = section.org_id;
    this.personas = section.personas;
    this.numberLabels = new Map(section.agent_numbers.map((entry) => [entry.number, entry.name]));
    let transcriptId = 1_000_000;
    const calls = section.calls.map((call) => {
      const record = { call, createdMs: Date.parse(call.created_at), firstTranscriptId: transcriptId };
      transcriptId += (call.transcript === null ? 0 : "recipe" in call.transcript ? call.transcript.recipe.turns : call.transcript.turns.length) + 1;
      return record;
    });
    calls.sort(byCreatedDesc);
    this.calls = calls;
    for (const record of calls) {
      this.callsById.set(record.call.call_id, record);
      push(this.callsFrom, record.call.from, record);
      push(this.callsTo, record.call.to, record);
    }
    this.contacts = section.contacts.map((contact) => {
      const copy = { ...contact, memories: contact.memories.map((memory) => ({ ...memory })) };
      for (const memory of copy.memories) this.memoriesById.set(memory.id, { memory, contact: copy });
      return copy;
    });
    this.contactsById = new Map(this.contacts.map((contact) => [contact.id, contact]));
  }

  call(id: string): BlandCallRecord | undefined {
    return this.callsById.get(id);
  }

  /** Calls from and/or to a number, newest first; all calls without either. */
  callsMatching(from: string | null, to: string | null): readonly BlandCallRecord[] {
    if (from === null && to === null) return this.calls;
    if (to === null) return this.callsFrom.get(from as string) ?? [];
    if (from === null) return this.callsTo.get(to) ?? [];
    return (this.callsFrom.get(from) ?? []).filter((record) => record.call.to === to);
  }

  contact(id: string): BlandContact | undefined {
    return this.contactsById.get(id);
  }

  memory(id: string): MemoryRecord | undefined {
    return this.memoriesById.get(id);
  }

  get memoryCount(): number {
    return this.memoriesById.size;
  }

  memoryIds(): readonly string[] {
    this.memoryIdList ??= [...this.memoriesById.keys()];
    return this.memoryIdList;
  }

  /** Replaces the summary; Bland takes no precondition, so the last write wins. */
  updateSummary(id: string, summary: string, at: Date, actor: WriteActor): MemoryRecord | undefined {
    const record = this.memoriesById.get(id);
    if (record === undefined) return undefined;
    const stamp = at.toISOString();
    Object.assign(record.memory, { summary, summary_updated_at: stamp, updated_at: stamp });
    this.recordWrite(id, summary, actor);
    return record;
  }
}
