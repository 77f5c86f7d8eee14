import { and, eq, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
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
  reasons: string[] | null;
  /** Measured when the save was journalled; null for rows journalled before saves were measured. */
  charsChanged: number | null;
  linesChanged: number | null;
};

export type RevisionExportPage = {
  rows: RevisionExportRow[];
  /** The last id the page looked at, matching or not: where the next page starts; null once none is left. */
  scannedTo: number | null;
};

/**
 * One keyset page of the journal for an export: the `limit` rows after `afterId` in id order, and of those
 * the ones `filters` select. The walk follows the primary key whatever the filters are: they apply outside
 * the LIMIT subquery, where the planner cannot take the status or author index instead — without fresh
 * statistics (the embedded database has none) it would, and read every match and sort them for each page,
 * making the export quadratic. So the whole export reads the journal once, a page at a time. The AI original
 * is looked up per row through its unique index.
 */
export async function revisionExportPage(db: Db, filters: RevisionExportFilters, afterId: number, limit: number): Promise<RevisionExportPage> {
  const page = db
    .select({
      id: summaryRevisions.id,
      createdAt: summaryRevisions.createdAt,
      completedAt: summaryRevisions.completedAt,
      authorId: summaryRevisions.authorId,
      provider: summaryRevisions.provider,
      targetId: summaryRevisions.targetId,
      callId: summaryRevisions.callId,
      templateKey: summaryRevisions.templateKey,
      kind: summaryRevisions.kind,
      status: summaryRevisions.status,
      content: summaryRevisions.content,
      reasons: summaryRevisions.reasons,
      charsChanged: summaryRevisions.charsChanged,
      linesChanged: summaryRevisions.linesChanged,
    })
    .from(summaryRevisions)
    .where(gt(summaryRevisions.id, afterId))
    .orderBy(summaryRevisions.id)
    .limit(limit)
    .as("page");
  // The page's last id, matching or not, on every row; a window function runs before LIMIT, hence the layer.
  const scanned = db
    .select({ ...page._.selectedFields, scannedTo: sql<number>`max(${page.id}) over ()`.as("scanned_to") })
    .from(page)
    .as("scanned");
  /** When a row was saved: when its outcome was known, or when it was journalled if it never completed. */
  const savedAt = sql<Date>`coalesce(${scanned.completedAt}, ${scanned.createdAt})`.mapWith(summaryRevisions.createdAt);
  const conditions: SQL[] = [inArray(scanned.status, filters.statuses)];
  if (filters.provider !== undefined) conditions.push(eq(scanned.provider, filters.provider));
  if (filters.authorId !== undefined) conditions.push(eq(scanned.authorId, filters.authorId));
  if (filters.templateKey !== undefined) conditions.push(eq(scanned.templateKey, filters.templateKey));
  if (filters.kinds !== undefined) conditions.push(inArray(scanned.kind, filters.kinds));
  if (filters.from !== undefined) conditions.push(gte(savedAt, filters.from));
  if (filters.before !== undefined) conditions.push(lt(savedAt, filters.before));
  const rows = await db
    .select({
      id: scanned.id,
      savedAt,
      authorName: users.name,
      authorEmail: users.email,
      provider: scanned.provider,
      callId: scanned.callId,
      templateKey: scanned.templateKey,
      kind: scanned.kind,
      status: scanned.status,
      content: scanned.content,
      reasons: scanned.reasons,
      charsChanged: scanned.charsChanged,
      linesChanged: scanned.linesChanged,
      original: sql<string | null>`(select o.content from ${summaryRevisions} o where o.provider = ${scanned.provider} and o.target_id = ${scanned.targetId} and o.kind = 'original')`,
      scannedTo: scanned.scannedTo,
    })
    .from(scanned)
    .leftJoin(users, eq(users.id, scanned.authorId))
    .where(and(...conditions))
    .orderBy(scanned.id);
  if (rows.length > 0) return { rows, scannedTo: Number(rows[0]!.scannedTo) };
  // Nothing in this page matched: where it ended still has to be known.
  const [end] = await db.select({ id: sql<number | null>`max(${page.id})` }).from(page);
  return { rows: [], scannedTo: end?.id == null ? null : Number(end.id) };
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
