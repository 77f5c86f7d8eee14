import { and, asc, desc, eq, inArray, isNotNull, lt, max, or, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { summaryRevisions, users, type SummaryRevision } from "../schema";

/** A summary target in the journal: what a save writes, whichever call it was made from. */
export type SummaryKey = { provider: string; targetId: string };

export type PendingRevision = SummaryKey & {
  callId: string;
  templateKey: string | null;
  authorId: string;
  kind: SummaryRevision["kind"];
  baseContent: string | null;
  baseRevision: number;
  content: string;
  unresolvedFlags?: SummaryRevision["unresolvedFlags"];
  reasons?: string[] | null;
  charsChanged?: number;
  linesChanged?: number;
  reviewSeconds?: number | null;
};

const targetIs = (key: SummaryKey) =>
  and(eq(summaryRevisions.provider, key.provider), eq(summaryRevisions.targetId, key.targetId));

export async function insertPendingRevision(db: Db, revision: PendingRevision): Promise<number> {
  const [row] = await db.insert(summaryRevisions).values({ ...revision, status: "pending" }).returning({ id: summaryRevisions.id });
  return row!.id;
}

export type RevisionOutcome = Partial<
  Pick<
    SummaryRevision,
    | "revision"
    | "targetId"
    | "theirContent"
    | "providerVersion"
    | "providerUpdatedAt"
    | "providerUpdatedById"
    | "providerUpdatedByName"
    | "outsideWrites"
    | "errorCode"
    | "errorMessage"
    | "requestId"
  >
> & { status: Exclude<SummaryRevision["status"], "pending" | "observed"> };

/**
 * Records how an attempt ended. Only an attempt still undecided (pending, unknown, or accepted and awaiting
 * confirmation) changes: an outcome once decided is never rewritten. Answers whether the row changed.
 */
export async function completeRevision(db: Db, id: number, outcome: RevisionOutcome): Promise<boolean> {
  const rows = await db
    .update(summaryRevisions)
    .set({ ...outcome, completedAt: new Date() })
    .where(and(eq(summaryRevisions.id, id), inArray(summaryRevisions.status, ["pending", "unknown", "accepted"])))
    .returning({ id: summaryRevisions.id });
  return rows.length > 0;
}

const landed = inArray(summaryRevisions.status, ["applied", "accepted"]);

/** A text the journal knows the summary had, newest first: what a save is checked and numbered against. */
export type KnownText = Pick<
  SummaryRevision,
  "id" | "status" | "kind" | "content" | "baseContent" | "revision" | "providerVersion"
>;

export type JournalState = {
  nextRevision: number;
  lastProviderVersion: number | null;
  /** The latest texts Redline wrote or saw, newest first (a short window: what the conflict check needs). */
  recent: KnownText[];
};

/** What a save needs from the journal, in two statements run together. */
export async function journalState(db: Db, key: SummaryKey): Promise<JournalState> {
  const [[numbers], recent] = await Promise.all([
    db
      .select({ revision: max(summaryRevisions.revision), version: max(summaryRevisions.providerVersion) })
      .from(summaryRevisions)
      .where(and(targetIs(key), landed)),
    db
      .select({
        id: summaryRevisions.id,
        status: summaryRevisions.status,
        kind: summaryRevisions.kind,
        content: summaryRevisions.content,
        baseContent: summaryRevisions.baseContent,
        revision: summaryRevisions.revision,
        providerVersion: summaryRevisions.providerVersion,
      })
      .from(summaryRevisions)
      .where(and(targetIs(key), inArray(summaryRevisions.status, ["applied", "accepted", "observed"])))
      .orderBy(desc(summaryRevisions.id))
      .limit(20),
  ]);
  return { nextRevision: (numbers?.revision ?? 0) + 1, lastProviderVersion: numbers?.version ?? null, recent };
}

export type LandedRevision = SummaryRevision & { authorName: string | null };

const landedColumns = { revision: summaryRevisions, authorName: users.name };

/** The latest save Redline applied (or had accepted) for this summary, with who made it. */
export async function latestLandedRevision(db: Db, key: SummaryKey): Promise<LandedRevision | undefined> {
  const [row] = await db
    .select(landedColumns)
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .where(and(targetIs(key), landed, isNotNull(summaryRevisions.revision)))
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row ? { ...row.revision, authorName: row.authorName } : undefined;
}

/** The latest landed save whose text is exactly `content`: tells who wrote the text a conflict found. */
export async function latestLandedWithContent(db: Db, key: SummaryKey, content: string): Promise<LandedRevision | undefined> {
  const [row] = await db
    .select(landedColumns)
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .where(and(targetIs(key), landed, isNotNull(summaryRevisions.revision), eq(summaryRevisions.content, content)))
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row ? { ...row.revision, authorName: row.authorName } : undefined;
}

/** The template a summary was last saved to, so the reviewer is not asked twice. */
export async function lastTemplateKey(db: Db, key: SummaryKey): Promise<string | null> {
  const [row] = await db
    .select({ templateKey: summaryRevisions.templateKey })
    .from(summaryRevisions)
    .where(and(targetIs(key), isNotNull(summaryRevisions.templateKey)))
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row?.templateKey ?? null;
}

export async function listRevisions(db: Db, key: SummaryKey): Promise<SummaryRevision[]> {
  return db.select().from(summaryRevisions).where(targetIs(key)).orderBy(summaryRevisions.id);
}

export async function findRevision(db: Db, id: number): Promise<SummaryRevision | undefined> {
  const [row] = await db.select().from(summaryRevisions).where(eq(summaryRevisions.id, id)).limit(1);
  return row;
}

export type Observation = SummaryKey & {
  callId: string;
  templateKey: string | null;
  kind: "original" | "outside";
  content: string;
  providerVersion: number | null;
  providerUpdatedAt: Date | null;
  providerUpdatedByName: string | null;
};

/** Journals a text seen at the provider. The AI original is kept once per target: a second first open adds nothing. */
export async function insertObservation(db: Db, observation: Observation): Promise<void> {
  await db
    .insert(summaryRevisions)
    .values({ ...observation, status: "observed", completedAt: new Date() })
    .onConflictDoNothing({
      target: [summaryRevisions.provider, summaryRevisions.targetId],
      where: sql`${summaryRevisions.kind} = 'original'`,
    });
}

export type RevisionWithAuthor = SummaryRevision & { authorName: string | null };

/** Every journal row of a summary, oldest first, with who wrote it. */
export async function summaryHistory(db: Db, key: SummaryKey): Promise<RevisionWithAuthor[]> {
  const rows = await db
    .select({ revision: summaryRevisions, authorName: users.name })
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .where(targetIs(key))
    .orderBy(summaryRevisions.id);
  return rows.map((row) => ({ ...row.revision, authorName: row.authorName }));
}

/** Saves of one target whose outcome is not known: `unknown` ones, and `pending` ones older than `staleBefore`. */
const unresolved = (staleBefore: Date) =>
  or(
    eq(summaryRevisions.status, "unknown"),
    and(eq(summaryRevisions.status, "pending"), lt(summaryRevisions.createdAt, staleBefore)),
  );

export async function unresolvedRevisions(db: Db, key: SummaryKey, staleBefore: Date): Promise<SummaryRevision[]> {
  return db
    .select()
    .from(summaryRevisions)
    .where(and(targetIs(key), unresolved(staleBefore)))
    .orderBy(asc(summaryRevisions.id));
}

/** Targets with saves whose outcome is not known, oldest first: what the periodic sweep visits. */
export async function targetsWithUnresolvedRevisions(
  db: Db,
  staleBefore: Date,
  limit: number,
): Promise<Array<SummaryKey & { templateKey: string | null }>> {
  const rows = await db
    .select({
      provider: summaryRevisions.provider,
      targetId: summaryRevisions.targetId,
      templateKey: sql<string | null>`(array_agg(${summaryRevisions.templateKey} order by ${summaryRevisions.id} desc))[1]`,
    })
    .from(summaryRevisions)
    .where(unresolved(staleBefore))
    .groupBy(summaryRevisions.provider, summaryRevisions.targetId)
    .orderBy(sql`min(${summaryRevisions.id})`)
    .limit(limit);
  return rows;
}

/** Landed saves of a target after `afterId` that started from `content`: proof that `content` had landed. */
export async function landedOnTopOf(db: Db, key: SummaryKey, afterId: number, content: string): Promise<boolean> {
  const [row] = await db
    .select({ id: summaryRevisions.id })
    .from(summaryRevisions)
    .where(
      and(
        targetIs(key),
        landed,
        sql`${summaryRevisions.id} > ${afterId}`,
        eq(summaryRevisions.baseContent, content),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The newest change Redline saw made outside it (in the provider's own app), if any. */
export async function latestOutsideChange(db: Db, key: SummaryKey): Promise<SummaryRevision | undefined> {
  const [row] = await db
    .select()
    .from(summaryRevisions)
    .where(and(targetIs(key), eq(summaryRevisions.kind, "outside")))
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row;
}

/**
 * The latest conflict `authorId` met on this target that showed them `theirContent`: the base they were on
 * then is what tells which lines are the other side's changes when they now save on top of that text.
 */
export async function conflictShowing(db: Db, key: SummaryKey, authorId: string, theirContent: string): Promise<SummaryRevision | undefined> {
  const [row] = await db
    .select()
    .from(summaryRevisions)
    .where(
      and(
        eq(summaryRevisions.provider, key.provider),
        eq(summaryRevisions.targetId, key.targetId),
        eq(summaryRevisions.authorId, authorId),
        eq(summaryRevisions.status, "conflict"),
        eq(summaryRevisions.theirContent, theirContent),
      ),
    )
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row;
}

/** What a save turned out to be, once the server has looked at what it does (a "merge" that is an overwrite). */
export async function markRevisionKind(db: Db, id: number, kind: SummaryRevision["kind"]): Promise<void> {
  await db.update(summaryRevisions).set({ kind }).where(eq(summaryRevisions.id, id));
}

/** The AI's own text of a target, as Redline first saw it; undefined before the target was ever opened. */
export async function aiOriginal(db: Db, key: SummaryKey): Promise<string | undefined> {
  const [row] = await db
    .select({ content: summaryRevisions.content })
    .from(summaryRevisions)
    .where(and(targetIs(key), eq(summaryRevisions.kind, "original")))
    .limit(1);
  return row?.content;
}
