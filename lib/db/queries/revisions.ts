import { and, desc, eq, inArray, isNotNull, max } from "drizzle-orm";
import type { Db } from "../open-database";
import { summaryRevisions, users, type SummaryRevision } from "../schema";

export type SummaryKey = { provider: string; callId: string };

export type PendingRevision = SummaryKey & {
  templateKey: string | null;
  authorId: string;
  kind: SummaryRevision["kind"];
  baseContent: string | null;
  baseRevision: number;
  content: string;
};

const summaryIs = (key: SummaryKey) =>
  and(eq(summaryRevisions.provider, key.provider), eq(summaryRevisions.callId, key.callId));

export async function insertPendingRevision(db: Db, revision: PendingRevision): Promise<number> {
  const [row] = await db.insert(summaryRevisions).values({ ...revision, status: "pending" }).returning({ id: summaryRevisions.id });
  return row!.id;
}

export type RevisionOutcome = Partial<
  Pick<
    SummaryRevision,
    | "revision"
    | "templateKey"
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
> & { status: Exclude<SummaryRevision["status"], "pending"> };

export async function completeRevision(db: Db, id: number, outcome: RevisionOutcome): Promise<void> {
  await db
    .update(summaryRevisions)
    .set({ ...outcome, completedAt: new Date() })
    .where(eq(summaryRevisions.id, id));
}

const landed = inArray(summaryRevisions.status, ["applied", "accepted"]);

export async function nextRevisionNumber(db: Db, key: SummaryKey): Promise<number> {
  const [row] = await db
    .select({ last: max(summaryRevisions.revision) })
    .from(summaryRevisions)
    .where(and(summaryIs(key), landed));
  return (row?.last ?? 0) + 1;
}

export async function lastProviderVersion(db: Db, key: SummaryKey): Promise<number | null> {
  const [row] = await db
    .select({ version: max(summaryRevisions.providerVersion) })
    .from(summaryRevisions)
    .where(and(summaryIs(key), landed));
  return row?.version ?? null;
}

export type LandedRevision = SummaryRevision & { authorName: string | null };

const landedColumns = { revision: summaryRevisions, authorName: users.name };

/** The latest save Redline applied (or had accepted) for this summary, with who made it. */
export async function latestLandedRevision(db: Db, key: SummaryKey): Promise<LandedRevision | undefined> {
  const [row] = await db
    .select(landedColumns)
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .where(and(summaryIs(key), landed, isNotNull(summaryRevisions.revision)))
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
    .where(and(summaryIs(key), landed, eq(summaryRevisions.content, content)))
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row ? { ...row.revision, authorName: row.authorName } : undefined;
}

/** The template a call's summary was last saved to, so the reviewer is not asked twice. */
export async function lastTemplateKey(db: Db, key: SummaryKey): Promise<string | null> {
  const [row] = await db
    .select({ templateKey: summaryRevisions.templateKey })
    .from(summaryRevisions)
    .where(and(summaryIs(key), isNotNull(summaryRevisions.templateKey)))
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row?.templateKey ?? null;
}

export async function listRevisions(db: Db, key: SummaryKey): Promise<SummaryRevision[]> {
  return db.select().from(summaryRevisions).where(summaryIs(key)).orderBy(summaryRevisions.id);
}

export async function findRevision(db: Db, id: number): Promise<SummaryRevision | undefined> {
  const [row] = await db.select().from(summaryRevisions).where(eq(summaryRevisions.id, id)).limit(1);
  return row;
}

/** The newest text Redline knows this summary had: a landed save, or a text it observed at the provider. */
export async function latestKnownText(db: Db, key: SummaryKey): Promise<SummaryRevision | undefined> {
  const [row] = await db
    .select()
    .from(summaryRevisions)
    .where(and(summaryIs(key), inArray(summaryRevisions.status, ["applied", "accepted", "observed"])))
    .orderBy(desc(summaryRevisions.id))
    .limit(1);
  return row;
}

export type Observation = SummaryKey & {
  templateKey: string | null;
  kind: "original" | "outside";
  content: string;
  providerVersion: number | null;
  providerUpdatedAt: Date | null;
  providerUpdatedByName: string | null;
};

export async function insertObservation(db: Db, observation: Observation): Promise<void> {
  await db.insert(summaryRevisions).values({ ...observation, status: "observed", completedAt: new Date() });
}

export type RevisionWithAuthor = SummaryRevision & { authorName: string | null };

/** Every journal row of a summary, oldest first, with who wrote it. */
export async function summaryHistory(db: Db, key: SummaryKey): Promise<RevisionWithAuthor[]> {
  const rows = await db
    .select({ revision: summaryRevisions, authorName: users.name })
    .from(summaryRevisions)
    .leftJoin(users, eq(users.id, summaryRevisions.authorId))
    .where(summaryIs(key))
    .orderBy(summaryRevisions.id);
  return rows.map((row) => ({ ...row.revision, authorName: row.authorName }));
}
