import type { RevisionWithAuthor } from "@/lib/db/queries/revisions";

/** One line of a summary's history as the workspace shows it. */
export type HistoryEntry = {
  id: number;
  kind: RevisionWithAuthor["kind"];
  status: RevisionWithAuthor["status"];
  revision: number | null;
  author: string | null;
  at: string;
  content: string;
  baseContent: string | null;
  theirContent: string | null;
  templateKey: string | null;
  providerVersion: number | null;
  providerUpdatedBy: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  requestId: string | null;
  /** Why the reviewer corrected it (`CorrectionReason` keys). */
  reasons: string[];
  /** Facts the transcript did not support when it was saved. */
  unresolvedFlags: number;
};

export function toHistoryEntry(row: RevisionWithAuthor): HistoryEntry {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    revision: row.revision,
    author: row.authorName,
    at: (row.completedAt ?? row.createdAt).toISOString(),
    content: row.content,
    baseContent: row.baseContent,
    theirContent: row.theirContent,
    templateKey: row.templateKey,
    providerVersion: row.providerVersion,
    providerUpdatedBy: row.providerUpdatedByName,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    requestId: row.requestId,
    reasons: row.reasons ?? [],
    unresolvedFlags: row.unresolvedFlags?.length ?? 0,
  };
}
