import type { CallDetail, CallListItem, ListQuery, Page, SummarySnapshot, TranscriptTurn, UpdateOutcome } from "../types";
import { callParties } from "./contact-memory";
import type { BlandCall, BlandCallList, BlandCallListEntry, BlandContact, BlandTranscriptEntry, ContactMemory } from "./schemas";

/**
 * The list says nothing of contact memories, and resolving one costs a scan of the contacts. A completed
 * call is what feeds a contact's memory, so completed calls are reported as summarised; the review page
 * shows whether a memory was found.
 */
export function toCallListItem(call: BlandCallListEntry): CallListItem {
  const { customer, agent } = callParties(call);
  return {
    ref: { provider: "bland", callId: call.call_id },
    // What a save writes is the contact memory, which the list does not name: known once the call is read.
    targetId: null,
    startedAt: call.created_at,
    durationSec: call.call_length == null ? null : Math.round(call.call_length * 60),
    direction: call.inbound ? "inbound" : "outbound",
    // Bland's agent is an AI on a phone number: the number is what tells agents apart.
    agent: agent ? { id: agent, name: null } : null,
    counterpart: { name: null, number: customer },
    // The summary is the contact memory's, which the list does not name: a finished call is unchecked until read.
    summaryStatus: call.completed === true ? "unchecked" : "in_progress",
    // The list says nothing of the contact memory: its text is indexed when the call is opened.
    summaryText: null,
  };
}

/**
 * `count` is read as the number of calls in the whole list. Should it only count this answer, a full page
 * whose count equals its length still says there may be more, so paging never stops early.
 */
export function toCallPage(list: BlandCallList, query: ListQuery): Page<CallListItem> {
  const from = (query.page - 1) * query.size;
  const calls = list.calls.slice(0, query.size);
  const seen = from + calls.length;
  const mayBePageCount = list.count === list.calls.length && calls.length === query.size;
  return {
    items: calls.map(toCallListItem),
    page: query.page,
    size: query.size,
    totalCount: Math.max(list.count, seen),
    hasMore: seen < list.count || mayBePageCount,
  };
}

/**
 * `user` is the person called or calling; `assistant` is Bland's agent; `agent-action` lines record what the
 * agent did (a transfer, a tool); `robot` is an automated voice on the line, such as voicemail or a phone tree,
 * which is the customer's end.
 */
function toTranscriptTurn(entry: BlandTranscriptEntry, customerName: string | null): TranscriptTurn {
  switch (entry.user) {
    case "user":
      return { speaker: "customer", speakerName: customerName, at: entry.created_at, text: entry.text };
    case "robot":
      return { speaker: "customer", speakerName: "Automated voice", at: entry.created_at, text: entry.text };
    case "agent-action":
      return { speaker: "agent", speakerName: "Agent action", at: entry.created_at, text: entry.text };
    default:
      return { speaker: "agent", speakerName: null, at: entry.created_at, text: entry.text };
  }
}

/** The reviewed summary is the contact memory's, not the call's own `summary`, which Bland offers no way to change. */
export function toSummarySnapshot(memory: ContactMemory | null): SummarySnapshot {
  return {
    templateKey: null,
    content: memory?.summary ?? null,
    version: null,
    updatedAt: memory ? (memory.summary_updated_at ?? memory.updated_at ?? null) : null,
    updatedBy: null,
  };
}

export function toCallDetail(call: BlandCall, contact: BlandContact | null, memory: ContactMemory | null): CallDetail {
  const name = contact?.name ?? null;
  const listed = toCallListItem(call);
  return {
    ...listed,
    targetId: memory?.id ?? null,
    counterpart: { ...listed.counterpart, name },
    summaryStatus: memory?.summary != null ? "ready" : "absent",
    transcript: (call.transcripts ?? []).map((entry) => toTranscriptTurn(entry, name)),
    transcriptStatus: call.transcripts?.length ? "ready" : "absent",
    summary: toSummarySnapshot(memory),
    target: memory ? { provider: "bland", id: memory.id, templateKey: null } : null,
    // Every call of this contact with this agent (or persona) reads and writes the same memory.
    sharedTarget: memory ? `${name ?? listed.counterpart.number ?? "this contact"}'s contact memory` : null,
  };
}

/** A 200 to a replacement means what was sent is what is stored, should the echo lack it. */
export function toAppliedOutcome(memory: ContactMemory, sentContent: string): UpdateOutcome {
  return {
    status: "applied",
    content: memory.summary ?? sentContent,
    version: null,
    updatedAt: memory.summary_updated_at ?? memory.updated_at ?? null,
    updatedBy: null,
  };
}
