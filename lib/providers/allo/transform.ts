import type { CallDetail, CallListItem, Page, Person, SummarySnapshot, TranscriptTurn, UpdateOutcome } from "../types";
import type { AlloPagination, CallSummary, ConversationItem } from "./schemas";

type TranscriptEntry = NonNullable<ConversationItem["transcript"]>[number];

function toPerson(ref: { id?: string | null; name?: string | null } | null | undefined): Person | null {
  if (!ref) return null;
  return { id: ref.id ?? null, name: ref.name ?? null };
}

/** The other party: Allo lists the contacts matching the number; the first is the one it shows. */
function counterpartName(item: ConversationItem): string | null {
  return item.contacts?.[0]?.name ?? null;
}

export function toCallListItem(item: ConversationItem): CallListItem {
  return {
    ref: { provider: "allo", callId: item.id },
    // A call's summaries hang off its item: the item is the target.
    targetId: item.id,
    startedAt: item.date,
    durationSec: item.duration ?? null,
    direction: item.direction === "INBOUND" ? "inbound" : "outbound",
    agent: toPerson(item.user),
    counterpart: { name: counterpartName(item), number: item.contact_number ?? null },
    // Allo's item says nothing of a summary being written: none yet reads as absent until a re-check finds one.
    summaryStatus: item.summary != null ? "ready" : "absent",
    summaryText: item.summary ?? null,
  };
}

function toTranscriptTurn(entry: TranscriptEntry, item: ConversationItem): TranscriptTurn {
  // USER is the Allo user on the call (our agent); EXTERNAL is whoever they spoke with.
  const isAgent = entry.source === "USER";
  return {
    speaker: isAgent ? "agent" : "customer",
    speakerName: isAgent ? (item.user?.name ?? null) : counterpartName(item),
    at: entry.time,
    text: entry.text,
  };
}

/**
 * Allo's item carries one summary string and nothing about its template, version or author: those
 * appear only in the answer to a PATCH, so they stay unknown here.
 */
export function toSummarySnapshot(item: ConversationItem): SummarySnapshot {
  return { templateKey: null, content: item.summary ?? null, version: null, updatedAt: null, updatedBy: null };
}

export function toCallDetail(item: ConversationItem): CallDetail {
  return {
    ...toCallListItem(item),
    summaryStatus: item.summary != null ? "ready" : "absent",
    transcript: (item.transcript ?? []).map((entry) => toTranscriptTurn(entry, item)),
    transcriptStatus: item.transcript?.length ? "ready" : "absent",
    summary: toSummarySnapshot(item),
    target: item.type === "CALL" ? { provider: "allo", id: item.id, templateKey: null } : null,
    sharedTarget: null,
  };
}

export function toCallPage(items: ConversationItem[], pagination: AlloPagination): Page<CallListItem> {
  return {
    items: items.map(toCallListItem),
    page: pagination.page,
    size: pagination.size,
    totalCount: pagination.total_count,
    hasMore: pagination.has_more,
  };
}

/**
 * The spec lets the answer's `content` be null; a 200 to a replacement means what was sent is what
 * is stored, so that is what is reported.
 */
export function toAppliedOutcome(summary: CallSummary, sentContent: string): UpdateOutcome {
  return {
    status: "applied",
    content: summary.content ?? sentContent,
    version: summary.version,
    updatedAt: summary.updated_at ?? null,
    updatedBy: toPerson(summary.updated_by),
  };
}
