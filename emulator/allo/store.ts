import { transcriptText, type CallShape } from "../data/render-transcript";
import type { AlloContact, AlloSection, CallItem, SmsItem, TemplateKey } from "../data/sections/allo-section";
import type { WriteActor, WriteRecorder } from "../write-log";

export type UserRef = { id: string; name: string; email: string };
export type ContactRef = {
  id: string;
  name: string;
  company: { id: string; name: string } | null;
  deals: { id: string; name: string; status: "OPEN" | "WON" | "LOST" }[];
};
export type Editor = { id: string; name: string | null };

export type TemplateState = { content: string; updatedAt: Date; updatedBy: Editor | null };

type RecordBase = {
  id: string;
  dateMs: number;
  user: UserRef;
  /** Shared between items of the same contact; never mutated. */
  contacts: readonly ContactRef[];
};

export type CallRecord = RecordBase & {
  type: "CALL";
  item: CallItem;
  templates: Map<TemplateKey, TemplateState>;
  /** The template `summary` shows on read: the one updated last (see emulator/README.md). */
  shown: TemplateKey | null;
  version: number;
  /** Lower-cased transcript text, rendered on the first keyword search that needs it. */
  transcriptSearchText: string | null;
  /** Lower-cased summaries, every template's; built on demand, dropped on every edit. */
  summarySearchText: string | null;
};

export type SmsRecord = RecordBase & { type: "SMS"; item: SmsItem; contentSearchText: string | null };

export type ItemRecord = CallRecord | SmsRecord;

export type SummaryUpdate = { templateKey: TemplateKey | null; content: string; by: Editor; at: Date; actor: WriteActor };

export type SummaryUpdateResult =
  | { ok: true; record: CallRecord; templateKey: TemplateKey; state: TemplateState }
  | { ok: false; code: "CONVERSATION_ITEM_NOT_FOUND" | "SUMMARY_TEMPLATE_NOT_FOUND" | "SUMMARY_TEMPLATE_KEY_REQUIRED" };

const OUTCOMES = { ANSWERED: "answered", VOICEMAIL: "voicemail", TRANSFERRED: "transferred" } as const;

/** How the call went, in the terms transcripts are rendered in. */
export function callShape(call: CallItem): CallShape {
  return { direction: call.direction === "INBOUND" ? "inbound" : "outbound", outcome: OUTCOMES[call.result], durationSec: call.duration };
}

/** Newest first, the id breaking ties, so every listing has one stable order. */
function byDateDesc(a: ItemRecord, b: ItemRecord): number {
  return b.dateMs - a.dateMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function contactRef(contact: AlloContact): ContactRef {
  return { id: contact.id, name: contact.name, company: contact.company, deals: contact.deals };
}

function summarySearchText(templates: Map<TemplateKey, TemplateState>): string {
  return [...templates.values()].map((state) => state.content.toLowerCase()).join("\n");
}

/**
 * The emulator's Allo workspace in memory, built from a validated fixture. Items are kept sorted by
 * date, per type, so an unfiltered page is a slice and never a copy of the whole list.
 */
export class AlloStore {
  readonly all: readonly ItemRecord[];
  readonly calls: readonly CallRecord[];
  readonly messages: readonly SmsRecord[];
  readonly team: AlloSection["team"];
  private readonly byId: Map<string, ItemRecord>;

  constructor(
    fixture: AlloSection,
    private readonly recordWrite: WriteRecorder,
  ) {
    this.team = fixture.team;
    const users = new Map(fixture.users.map((user) => [user.id, { ...user }]));
    const contactLists = new Map(fixture.contacts.map((contact) => [contact.id, [contactRef(contact)] as const]));
    const noContacts: readonly ContactRef[] = [];

    const records = fixture.items.map((item): ItemRecord => {
      const user = users.get(item.user_id);
      if (!user) throw new Error(`Fixture item ${item.id} names an unknown user`);
      const contacts = item.contact_id === null ? noContacts : (contactLists.get(item.contact_id) ?? noContacts);
      const dateMs = Date.parse(item.date);
      if (item.type === "SMS") {
        return { type: "SMS", id: item.id, dateMs, user, contacts, item, contentSearchText: null };
      }
      const templates = new Map<TemplateKey, TemplateState>();
      for (const summary of item.summaries) {
        templates.set(summary.template_key, {
          content: summary.content,
          updatedAt: new Date(summary.updated_at),
          updatedBy: summary.updated_by,
        });
      }
      const shown = templates.has("MARKDOWN_CLASSIC") ? "MARKDOWN_CLASSIC" : templates.has("MARKDOWN_SHORT_CALL") ? "MARKDOWN_SHORT_CALL" : null;
      return {
        type: "CALL",
        id: item.id,
        dateMs,
        user,
        contacts,
        item,
        templates,
        shown,
        version: item.summary_version,
        transcriptSearchText: null,
        summarySearchText: null,
      };
    });
    records.sort(byDateDesc);
    this.all = records;
    this.calls = records.filter((record): record is CallRecord => record.type === "CALL");
    this.messages = records.filter((record): record is SmsRecord => record.type === "SMS");
    this.byId = new Map(records.map((record) => [record.id, record]));
  }

  get(id: string): ItemRecord | undefined {
    return this.byId.get(id);
  }

  /** The text a keyword search looks through: transcript and summaries for calls, content for SMS. */
  searchTextOf(record: ItemRecord): readonly string[] {
    // Built on first use: most data sets are never keyword-searched, and building up front slows startup.
    if (record.type === "SMS") return [(record.contentSearchText ??= record.item.content.toLowerCase())];
    record.summarySearchText ??= summarySearchText(record.templates);
    record.transcriptSearchText ??= transcriptText(record.item.transcript, callShape(record.item)).toLowerCase();
    return [record.summarySearchText, record.transcriptSearchText];
  }

  /** The shown summary, as `ConversationItem.summary` carries it. */
  summaryOf(record: CallRecord): string | null {
    return record.shown === null ? null : (record.templates.get(record.shown)?.content ?? null);
  }

  /**
   * Replaces one template's content. Last write wins: Allo takes no precondition, so a stale editor
   * silently overwrites; the per-call version moves on every successful write.
   */
  updateSummary(id: string, update: SummaryUpdate): SummaryUpdateResult {
    const record = this.byId.get(id);
    if (record === undefined || record.type !== "CALL") return { ok: false, code: "CONVERSATION_ITEM_NOT_FOUND" };
    let templateKey = update.templateKey;
    if (templateKey === null) {
      if (record.templates.size === 0) return { ok: false, code: "SUMMARY_TEMPLATE_NOT_FOUND" };
      if (record.templates.size > 1) return { ok: false, code: "SUMMARY_TEMPLATE_KEY_REQUIRED" };
      templateKey = [...record.templates.keys()][0] as TemplateKey;
    }
    if (!record.templates.has(templateKey)) return { ok: false, code: "SUMMARY_TEMPLATE_NOT_FOUND" };

    const state: TemplateState = { content: update.content, updatedAt: update.at, updatedBy: update.by };
    record.templates.set(templateKey, state);
    record.shown = templateKey;
    record.version += 1;
    record.summarySearchText = null;
    // The target names the template only when the request did, as the client addressed it.
    this.recordWrite(update.templateKey === null ? id : `${id}#${update.templateKey}`, update.content, update.actor);
    return { ok: true, record, templateKey, state };
  }
}
