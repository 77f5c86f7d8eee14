import type { Database } from "@/lib/db/open-database";
import { callJournal, type JournalRowWithAuthor } from "@/lib/db/queries/exports";
import type { CallRow, SummaryRevision } from "@/lib/db/schema";

const iso = (date: Date | null) => date?.toISOString() ?? null;

export type CallHistoryExport = {
  exportedAt: string;
  provider: string;
  callId: string;
  /** The call as the queue indexed it; null when only the journal knows it. */
  call: {
    startedAt: string;
    durationSec: number | null;
    direction: CallRow["direction"];
    agentId: string | null;
    agentName: string | null;
    counterpartId: string | null;
    counterpartName: string | null;
    counterpartNumber: string | null;
    summaryStatus: CallRow["summaryStatus"];
    transcriptStatus: CallRow["transcriptStatus"];
    reviewStatus: CallRow["reviewStatus"];
    targetId: string | null;
    lastSyncedAt: string;
  } | null;
  /** The summary targets the rows belong to. */
  targets: string[];
  revisions: Array<{
    id: number;
    targetId: string;
    callId: string;
    templateKey: string | null;
    kind: SummaryRevision["kind"];
    status: SummaryRevision["status"];
    revision: number | null;
    author: { id: string; name: string | null; email: string | null } | null;
    baseRevision: number;
    baseContent: string | null;
    content: string;
    theirContent: string | null;
    providerVersion: number | null;
    providerUpdatedAt: string | null;
    providerUpdatedBy: { id: string | null; name: string | null } | null;
    outsideWrites: number | null;
    errorCode: string | null;
    errorMessage: string | null;
    requestId: string | null;
    unresolvedFlags: SummaryRevision["unresolvedFlags"];
    createdAt: string;
    completedAt: string | null;
  }>;
};

function toExported(row: JournalRowWithAuthor): CallHistoryExport["revisions"][number] {
  return {
    id: row.id,
    targetId: row.targetId,
    callId: row.callId,
    templateKey: row.templateKey,
    kind: row.kind,
    status: row.status,
    revision: row.revision,
    author: row.authorId === null ? null : { id: row.authorId, name: row.authorName, email: row.authorEmail },
    baseRevision: row.baseRevision,
    baseContent: row.baseContent,
    content: row.content,
    theirContent: row.theirContent,
    providerVersion: row.providerVersion,
    providerUpdatedAt: iso(row.providerUpdatedAt),
    providerUpdatedBy:
      row.providerUpdatedById === null && row.providerUpdatedByName === null ? null : { id: row.providerUpdatedById, name: row.providerUpdatedByName },
    outsideWrites: row.outsideWrites,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    requestId: row.requestId,
    unresolvedFlags: row.unresolvedFlags,
    createdAt: row.createdAt.toISOString(),
    completedAt: iso(row.completedAt),
  };
}

/**
 * A call's whole summary history as the journal holds it — the AI original, outside changes, every attempt
 * and its outcome — with the call's index row. Read from Redline's own store only: a save whose outcome is
 * still unknown is exported as unknown. Null when neither the queue nor the journal knows the call.
 */
export async function callHistoryExport(database: Database, provider: string, callId: string, now = new Date()): Promise<CallHistoryExport | null> {
  const { call, rows } = await callJournal(database.db, provider, callId);
  if (call === null && rows.length === 0) return null;
  return {
    exportedAt: now.toISOString(),
    provider,
    callId,
    call:
      call === null
        ? null
        : {
            startedAt: call.startedAt.toISOString(),
            durationSec: call.durationSec,
            direction: call.direction,
            agentId: call.agentId,
            agentName: call.agentName,
            counterpartId: call.counterpartId,
            counterpartName: call.counterpartName,
            counterpartNumber: call.counterpartNumber,
            summaryStatus: call.summaryStatus,
            transcriptStatus: call.transcriptStatus,
            reviewStatus: call.reviewStatus,
            targetId: call.targetId,
            lastSyncedAt: call.lastSyncedAt.toISOString(),
          },
    targets: [...new Set(rows.map((row) => row.targetId))],
    revisions: rows.map(toExported),
  };
}
