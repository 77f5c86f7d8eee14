import { presentItem } from "../../emulator/allo/conversation-item";
import { AlloStore } from "../../emulator/allo/store";
import { presentCall as presentBlandCall, presentContact, presentMemory } from "../../emulator/bland/present";
import { BlandStore } from "../../emulator/bland/store";
import type { Fixture } from "../../emulator/data/fixture-schema";
import type { SummaryTruth, TruthSection } from "../../emulator/data/truth/truth-schema";
import { presentCall as presentQuoCall, presentTranscript, presentUser } from "../../emulator/openphone/present";
import { OpenPhoneStore } from "../../emulator/openphone/store";
import { WriteLog } from "../../emulator/write-log";
import { conversationItemSchema } from "../../lib/providers/allo/schemas";
import { toCallDetail as alloCallDetail } from "../../lib/providers/allo/transform";
import { callDetailSchema as blandCallSchema, contactMemorySchema, contactSchema as blandContactSchema } from "../../lib/providers/bland/schemas";
import { toCallDetail as blandCallDetail } from "../../lib/providers/bland/transform";
import { callSchema as quoCallSchema, transcriptSchema as quoTranscriptSchema } from "../../lib/providers/openphone/schemas";
import { renderSummaryMarkdown, toTranscriptTurns } from "../../lib/providers/openphone/transform";
import type { TranscriptTurn } from "../../lib/providers/types";
import type { EvidenceTurn } from "../../lib/review/evidence/evidence-types";

export type EvidenceProvider = "allo" | "openphone" | "bland";

/** A span of truth: offsets into the text its `part`/`item` name (Quo) or the whole summary. */
type TruthSpan = { start: number; end: number; part?: "summary" | "nextSteps"; item?: number; call?: string };

/** One summary read against one call, as the review page would read it, and the truth to score it by. */
export type EvidenceCase = {
  provider: EvidenceProvider;
  key: string;
  summary: string;
  format: "markdown" | "plain";
  turns: EvidenceTurn[];
  callDate: string;
  names: string[];
  truth: SummaryTruth;
  /** The truth span in `summary`'s offsets. */
  locate(span: TruthSpan): { start: number; end: number };
  /** Whether a truth item is about this case's call (Bland memories tell of several calls). */
  inScope(span: { call?: string }): boolean;
};

const toEvidenceTurns = (transcript: readonly TranscriptTurn[]): EvidenceTurn[] =>
  transcript.map((turn, index) => ({ index, speaker: turn.speaker, text: turn.text }));

const named = (...names: (string | null | undefined)[]) => names.filter((name): name is string => typeof name === "string" && name.trim() !== "");

const whole = (span: TruthSpan) => ({ start: span.start, end: span.end });

/**
 * The summaries of a generated fixture that have a transcript, each with the analyser's input built the way
 * Redline builds it: the emulator's own presenters give the provider's API answer, the provider's zod schema
 * parses it and the adapter's transform maps it to a `CallDetail`, whose turns (in API order), start and
 * people's names are what the analyser gets. Names a provider leaves out of the call (Quo's, Bland's agent)
 * come from its directory as `people()` reads it, here straight from the fixture's users, contacts and
 * personas. Twilio serves no transcript, so it has no cases.
 */
export function evidenceCases(fixture: Fixture, truth: TruthSection): EvidenceCase[] {
  return [...alloCases(fixture, truth), ...quoCases(fixture, truth), ...blandCases(fixture, truth)];
}

function alloCases(fixture: Fixture, truth: TruthSection): EvidenceCase[] {
  if (!fixture.allo || !truth.allo) return [];
  const store = new AlloStore(fixture.allo, new WriteLog(() => 0).recorderFor("allo"));
  const cases: EvidenceCase[] = [];
  for (const record of store.calls) {
    const detail = alloCallDetail(conversationItemSchema.parse(presentItem(store, record, { transcript: true })));
    if (detail.transcript.length === 0) continue;
    const turns = toEvidenceTurns(detail.transcript);
    for (const summary of record.item.summaries) {
      const key = `${record.item.id}#${summary.template_key}`;
      const entry = truth.allo[key];
      if (!entry) continue;
      cases.push({
        provider: "allo",
        key,
        summary: summary.content,
        format: "markdown",
        turns,
        callDate: detail.startedAt,
        names: named(detail.agent?.name, detail.counterpart.name),
        truth: entry,
        locate: whole,
        inScope: () => true,
      });
    }
  }
  return cases;
}

function quoCases(fixture: Fixture, truth: TruthSection): EvidenceCase[] {
  if (!fixture.openphone || !truth.openphone) return [];
  const store = new OpenPhoneStore(fixture.openphone);
  const users = new Map([...store.users.values()].map((user) => [user.id, presentUser(user)]));
  const contactName = new Map<string, string>();
  for (const contact of store.contacts) {
    const name = named(contact.defaultFields.firstName, contact.defaultFields.lastName).join(" ") || contact.defaultFields.company;
    for (const phone of contact.defaultFields.phoneNumbers) if (name && phone.value && !contactName.has(phone.value)) contactName.set(phone.value, name);
  }
  const cases: EvidenceCase[] = [];
  for (const [callId, entry] of Object.entries(truth.openphone)) {
    const record = store.get(callId);
    if (!record || record.call.summary.status !== "completed") continue;
    const transcript = presentTranscript(record);
    if (transcript.dialogue === null) continue;
    const call = quoCallSchema.parse(presentQuoCall(record.call));
    const turns = toEvidenceTurns(toTranscriptTurns(quoTranscriptSchema.parse(transcript), call));
    if (turns.length === 0) continue;
    const { summary: items, nextSteps } = record.call.summary;
    const summary = renderSummaryMarkdown(items, nextSteps);
    if (summary === null) continue;
    // Each list item's place in the markdown: offsets in the truth count in the item's own string.
    const starts = { summary: [] as number[], nextSteps: [] as number[] };
    let cursor = 0;
    for (const [part, list] of [["summary", items], ["nextSteps", nextSteps]] as const) {
      for (const item of list ?? []) {
        const at = summary.indexOf(`- ${item.trim()}`, cursor);
        starts[part].push(at + 2 - (item.length - item.trimStart().length));
        cursor = at + 2;
      }
    }
    const user = call.userId ? users.get(call.userId) : undefined;
    cases.push({
      provider: "openphone",
      key: callId,
      summary,
      format: "markdown",
      turns,
      callDate: call.createdAt,
      names: named(user && named(user.firstName, user.lastName).join(" "), contactName.get(record.external)),
      truth: entry,
      locate(span) {
        const base = starts[span.part ?? "summary"][span.item ?? 0] ?? 0;
        return { start: base + span.start, end: base + span.end };
      },
      inScope: () => true,
    });
  }
  return cases;
}

/**
 * A Bland contact memory tells of several calls; the review page shows it beside one call's transcript. Each
 * call the memory quotes is a case of its own, scored on the truth about that call; what the memory says of
 * the contact as a whole is scored with its latest call.
 */
function blandCases(fixture: Fixture, truth: TruthSection): EvidenceCase[] {
  if (!fixture.bland || !truth.bland) return [];
  const store = new BlandStore(fixture.bland, new WriteLog(() => 0).recorderFor("bland"));
  const personaByNumber = new Map<string, string>();
  for (const persona of store.personas) for (const number of persona.inbound_numbers) personaByNumber.set(number, persona.name);
  const cases: EvidenceCase[] = [];
  for (const [memoryId, entry] of Object.entries(truth.bland)) {
    const held = store.memory(memoryId);
    if (!held) continue;
    const callIds = [...new Set([...entry.sentences, ...entry.facts].flatMap((item) => (item.call ? [item.call] : [])))];
    const calls = callIds
      .map((id) => store.call(id))
      .filter((record) => record !== undefined)
      .sort((a, b) => a.createdMs - b.createdMs);
    const latest = calls.at(-1)?.call.call_id;
    for (const record of calls) {
      const call = blandCallSchema.parse(presentBlandCall(record));
      const contact = blandContactSchema.parse(presentContact(held.contact, store.orgId));
      const memory = contactMemorySchema.parse(presentMemory(held.memory, store.orgId, held.contact.id));
      const detail = blandCallDetail(call, contact, memory);
      if (detail.transcript.length === 0) continue;
      const agentNumber = call.inbound ? call.to : call.from;
      const callId = call.call_id;
      cases.push({
        provider: "bland",
        key: `${memoryId}@${callId}`,
        summary: detail.summary.content ?? "",
        format: "plain",
        turns: toEvidenceTurns(detail.transcript),
        callDate: detail.startedAt,
        names: named(agentNumber ? personaByNumber.get(agentNumber) : null, detail.counterpart.name),
        truth: entry,
        locate: whole,
        inScope: (span) => (span.call === undefined ? callId === latest : span.call === callId),
      });
    }
  }
  return cases;
}
