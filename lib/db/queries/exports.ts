import { and, eq, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../open-database";
import { calls, summaryRevisions, users, type CallRow, type SummaryRevision } from "../schema";

export type RevisionExportFilters = {
  provider?: string;
  authorId?: string;
  /** Saved at or after. */
  from?: Date;
  /** Saved before. */
  before?: Date;
  templateKey?: string;
  statuses: SummaryRevision["status"][];
  kinds?: SummaryRevision["kind"][];
};

export type RevisionExportRow = {
  id: number;
  savedAt: Date;
  authorName: string | null;
  authorEmail: string | null;
  provider: string;
  callId: string;
  templateKey: string | null;
  kind: SummaryRevision["kind"];
  status: SummaryRevision["status"];
  content: string;
  /** The target's AI original, null when the journal never saw one. */
  original: string | null;
};

const original = alias(summaryRevisions, "original");
/** When a row was saved: when its outcome was known, or when it was journalled if it never completed. */
const savedAt = sql<Date>`coalesce(${summaryRevisions.completedAt}, ${summaryRevisions.createdAt})`.mapWith(summaryRevisions.createdAt);

/**
 * One keyset page of the journal for an export, in id order after `afterId`: the caller walks the table
 * page by page and never holds more than one in memory. The AI original comes from the target's unique
 * `original` row (its partial index), so each page costs the same at any depth.
 */
export async function revisionExportPage(db: Db, filters: RevisionExportFilters, afterId: number, limit: number): Promise<RevisionExportRow[]> {
  const conditions: SQL[] = [gt(summaryRevisions.id, afterId), inArray(summaryRevisions.status, filters.statuses)];
  if (filters.provider !== undefined) conditions.push(eq(summaryRevisions.provider, filters.provider));
  if (filters.authorId !== undefined) conditions.push(eq(summaryRevisions.authorId, filters.authorId));
  if (filters.templateKey !== undefined) conditions.push(eq(summaryRevisions.templateKey, filters.templateKey));
  if (filters.kinds !== undefined) conditions.push(inArray(summaryRevisions.kind, filters.kinds));
  if (filters.from !== undefined) conditions.push(gte(savedAt, filters.from));
  if (filters.before !== undefined) conditions.push(lt(savedAt, filters.before));
  return db
    .select({
      id: summaryRevisions.id,
      savedAt,
      authorName: users.name,
      authorEmail: users.email,
      provider: summaryRevisions.provider,
      callId: summaryRevisions.callId,
      templateKey: summaryRevisions.templateKey,
      kind: summaryRevisions.kind,
      status: summaryRevisions.status,
      content: summaryRevisions.content,
      original: original.content,
    })
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .leftJoin(
      original,
      and(eq(original.provider, summaryRevisions.provider), eq(original.targetId, summaryRevisions.targetId), eq(original.kind, "original")),
    )
    .where(and(...conditions))
    .orderBy(summaryRevisions.id)
    .limit(limit);
}

export type JournalRowWithAuthor = SummaryRevision & { authorName: string | null; authorEmail: string | null };

export type CallJournal = { call: CallRow | null; rows: JournalRowWithAuthor[] };

/**
 * A call's index row and every journal row of the summary targets it is known to write (the one the sync or
 * an open recorded, and any a save from this call named), oldest first, whichever call each row came from.
 */
export async function callJournal(db: Db, provider: string, callId: string): Promise<CallJournal> {
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.provider, provider), eq(calls.callId, callId)))
    .limit(1);
  const savedFrom = db
    .selectDistinct({ targetId: summaryRevisions.targetId })
    .from(summaryRevisions)
    .where(and(eq(summaryRevisions.provider, provider), eq(summaryRevisions.callId, callId)));
  const targetMatches = call?.targetId
    ? or(eq(summaryRevisions.targetId, call.targetId), inArray(summaryRevisions.targetId, savedFrom))
    : inArray(summaryRevisions.targetId, savedFrom);
  const rows = await db
    .select({ revision: summaryRevisions, authorName: users.name, authorEmail: users.email })
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .where(and(eq(summaryRevisions.provider, provider), targetMatches))
    .orderBy(summaryRevisions.id);
  return { call: call ?? null, rows: rows.map((row) => ({ ...row.revision, authorName: row.authorName, authorEmail: row.authorEmail })) };
}
