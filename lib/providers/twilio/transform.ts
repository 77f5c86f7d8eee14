import type { CallDetail, CallListItem, Page, SummarySnapshot } from "../types";
import type { SummaryInfo } from "./schemas";
import { formatCallId } from "./validation";

export type ProfileSummary = { profileId: string; summary: SummaryInfo };

/**
 * A summary is the reviewed item. Twilio Memory keeps no phone numbers, agent or direction with it: the
 * conversation is reported as inbound, its customer as the profile, and it always has a summary (that is
 * what it is).
 */
export function toCallListItem({ profileId, summary }: ProfileSummary): CallListItem {
  const callId = formatCallId(profileId, summary.id);
  return {
    ref: { provider: "twilio", callId },
    // The conversation summary is both what is reviewed and what a save writes.
    targetId: callId,
    startedAt: summary.occurredAt,
    durationSec: null,
    direction: "inbound",
    agent: null,
    // The profile is the customer; its name is looked up by `people()` and kept with the queue.
    counterpart: { id: profileId, name: null, number: null },
    summaryStatus: "ready",
    summaryText: summary.content,
  };
}

const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** Newest conversation first; ties by creation, then id, so pages never overlap. Times are all UTC ISO strings. */
export function newestFirst(a: ProfileSummary, b: ProfileSummary): number {
  return (
    descending(a.summary.occurredAt, b.summary.occurredAt) ||
    descending(a.summary.createdAt, b.summary.createdAt) ||
    descending(a.summary.id, b.summary.id)
  );
}

export function toCallPage(sorted: readonly ProfileSummary[], page: number, size: number): Page<CallListItem> {
  const from = (page - 1) * size;
  return {
    items: sorted.slice(from, from + size).map(toCallListItem),
    page,
    size,
    totalCount: sorted.length,
    hasMore: from + size < sorted.length,
  };
}

/** There is no transcript in the Memory API; `updatedAt` is the version witness, and nobody is named as author. */
export function toSummarySnapshot({ summary }: ProfileSummary): SummarySnapshot {
  return { templateKey: null, content: summary.content, version: null, updatedAt: summary.updatedAt, updatedBy: null };
}

export function toCallDetail(item: ProfileSummary): CallDetail {
  const listed = toCallListItem(item);
  return {
    ...listed,
    summaryStatus: "ready",
    transcript: [],
    // Conversation Memory keeps summaries, not what was said.
    transcriptStatus: "not_provided_by_this_api",
    summary: toSummarySnapshot(item),
    target: { provider: "twilio", id: listed.ref.callId, templateKey: null },
    sharedTarget: null,
  };
}
