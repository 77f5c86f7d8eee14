import type { Availability, CallDetail, CallListItem, SummarySnapshot, SummaryStatus, TranscriptTurn } from "../types";
import type { QuoCall, QuoCallSummary, QuoJobStatus, QuoTranscript } from "./schemas";

const SUMMARY_STATUS: Record<QuoJobStatus, SummaryStatus> = {
  completed: "ready",
  "in-progress": "in_progress",
  absent: "absent",
  failed: "failed",
};

/**
 * A call lists both numbers without saying which is ours; the other party is the one Redline was configured
 * to list for this Quo number. Failing that (a call read by id on a number not configured), the first one.
 */
export function counterpartOf(call: QuoCall, configuredParticipants: readonly string[]): string | null {
  return call.participants.find((number) => configuredParticipants.includes(number)) ?? call.participants[0] ?? null;
}

/**
 * Quo's call list says nothing of summaries, and asking for each would cost a request per call against a
 * 10 requests/s limit. Quo summarises only calls that were answered and ended: the others have none, and
 * these stay unchecked until the readiness re-check, a webhook or an open reads the summary's status.
 */
function mayHaveSummary(call: QuoCall): boolean {
  return (call.status === "completed" || call.status === "forwarded") && call.duration > 0;
}

export function toCallListItem(call: QuoCall, counterpartNumber: string | null): CallListItem {
  return {
    ref: { provider: "openphone", callId: call.id },
    // Corrections of a Quo call are kept in Redline, one summary per call.
    targetId: call.id,
    startedAt: call.createdAt,
    durationSec: Math.round(call.duration),
    direction: call.direction === "incoming" ? "inbound" : "outbound",
    agent: call.userId ? { id: call.userId, name: null } : null,
    counterpart: { name: null, number: counterpartNumber },
    summaryStatus: mayHaveSummary(call) ? "unchecked" : "absent",
    // Quo's list carries no summary: its text is indexed when the call is opened.
    summaryText: null,
  };
}

/**
 * Quo times each line in seconds from the start of the recording, which starts when the call is answered.
 * A speaker with a Quo user id is on our side; external participants have none.
 */
export function toTranscriptTurns(transcript: QuoTranscript | null, call: QuoCall): TranscriptTurn[] {
  const startedAt = Date.parse(call.answeredAt ?? call.createdAt);
  return (transcript?.dialogue ?? []).map((entry) => ({
    speaker: entry.userId ? "agent" : "customer",
    speakerName: null,
    at: new Date(startedAt + Math.round(entry.start * 1000)).toISOString(),
    text: entry.content,
  }));
}

/** Quo's summary is two lists of sentences; Redline edits markdown, so each list becomes a section of bullets. */
export function renderSummaryMarkdown(summary: readonly string[] | null, nextSteps: readonly string[] | null): string | null {
  const sections = [section("Summary", summary), section("Next steps", nextSteps)].filter((text) => text !== null);
  return sections.length > 0 ? sections.join("\n\n") : null;
}

function section(title: string, items: readonly string[] | null): string | null {
  const bullets = (items ?? []).map((item) => item.trim()).filter((item) => item !== "");
  if (bullets.length === 0) return null;
  // A sentence that spans lines stays inside its bullet.
  return `## ${title}\n\n${bullets.map((item) => `- ${item.replace(/\r?\n/g, "\n  ")}`).join("\n")}`;
}

/** What Quo answered for a summary or transcript: the data, or why there is none (a 404, or a plan without it). */
export type QuoRead<T> = { data: T } | { missing: Extract<Availability, "absent" | "not_in_plan"> };

/** A summary Quo has none of (a 404) is absent, like Quo's own "absent"; a plan without summaries says so. */
export function toSummarySnapshot(read: QuoRead<QuoCallSummary>): SummarySnapshot {
  const summary = "data" in read ? read.data : null;
  return {
    templateKey: null,
    content: summary ? renderSummaryMarkdown(summary.summary, summary.nextSteps) : null,
    // Quo keeps no version, time or author for a summary: Redline's own revisions witness changes.
    version: null,
    updatedAt: null,
    updatedBy: null,
    status: summary ? SUMMARY_STATUS[summary.status] : "missing" in read ? read.missing : "absent",
  };
}

export function toCallDetail(
  call: QuoCall,
  transcript: QuoRead<QuoTranscript>,
  summary: QuoRead<QuoCallSummary>,
  counterpartNumber: string | null,
): CallDetail {
  const snapshot = toSummarySnapshot(summary);
  return {
    ...toCallListItem(call, counterpartNumber),
    summaryStatus: snapshot.status ?? (snapshot.content === null ? "absent" : "ready"),
    transcript: toTranscriptTurns("data" in transcript ? transcript.data : null, call),
    transcriptStatus: "data" in transcript ? SUMMARY_STATUS[transcript.data.status] : transcript.missing,
    summary: snapshot,
    target: { provider: "openphone", id: call.id, templateKey: null },
    sharedTarget: null,
  };
}
