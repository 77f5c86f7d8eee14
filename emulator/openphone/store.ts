import type { OpenPhoneCall, OpenPhoneContact, OpenPhoneNumber, OpenPhoneSection, OpenPhoneUser } from "../data/sections/openphone-section";

export type QuoCallRecord = { call: OpenPhoneCall; createdMs: number; line: OpenPhoneNumber; external: string };

/** Newest first, the id breaking ties. */
function byCreatedDesc(a: QuoCallRecord, b: QuoCallRecord): number {
  return b.createdMs - a.createdMs || (a.call.id < b.call.id ? -1 : a.call.id > b.call.id ? 1 : 0);
}

/** First index whose call was created before `ms`; `records` is newest first. */
export function firstCreatedBefore(records: readonly QuoCallRecord[], ms: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((records[middle] as QuoCallRecord).createdMs >= ms) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The Quo workspace in memory. Quo lists calls one conversation at a time (a number and one other
 * participant), so calls are indexed by conversation, newest first: a page is a slice.
 */
export class OpenPhoneStore {
  readonly users: ReadonlyMap<string, OpenPhoneUser>;
  readonly numbers: ReadonlyMap<string, OpenPhoneNumber>;
  /** In the order the document lists them, which is the order the list endpoints page through. */
  readonly contacts: readonly OpenPhoneContact[];
  readonly callCount: number;
  private readonly byId = new Map<string, QuoCallRecord>();
  private readonly conversations = new Map<string, QuoCallRecord[]>();

  constructor(section: OpenPhoneSection) {
    this.users = new Map(section.users.map((user) => [user.id, user]));
    this.numbers = new Map(section.phoneNumbers.map((entry) => [entry.id, entry]));
    this.contacts = section.contacts;
    this.callCount = section.calls.length;
    for (const call of section.calls) {
      const line = this.numbers.get(call.phoneNumberId);
      if (line === undefined) throw new Error(`Quo call ${call.id} names an unknown phone number`);
      const external = call.participants.find((number) => number !== line.number) ?? (call.participants[0] as string);
      const record = { call, createdMs: Date.parse(call.createdAt), line, external };
      this.byId.set(call.id, record);
      const key = conversationKey(line.id, external);
      const list = this.conversations.get(key);
      if (list === undefined) this.conversations.set(key, [record]);
      else list.push(record);
    }
    for (const list of this.conversations.values()) list.sort(byCreatedDesc);
  }

  get(id: string): QuoCallRecord | undefined {
    return this.byId.get(id);
  }

  /** A number's calls with one participant, newest first. */
  conversation(phoneNumberId: string, participant: string): readonly QuoCallRecord[] {
    return this.conversations.get(conversationKey(phoneNumberId, participant)) ?? [];
  }

  /** The people each number has talked to: what a client must know to list anything. */
  participantsOf(phoneNumberId: string): string[] {
    const prefix = `${phoneNumberId} `;
    return [...this.conversations.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  }
}

const conversationKey = (phoneNumberId: string, participant: string) => `${phoneNumberId} ${participant}`;
