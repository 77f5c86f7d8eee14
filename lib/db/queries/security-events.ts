import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "../open-database";
import { securityEvents, type SecurityEventRow } from "../schema";

export type NewSecurityEvent = Omit<typeof securityEvents.$inferInsert, "id">;

/** Events are kept a year; older ones are pruned now and then as new ones are written. */
const keepMs = 365 * 24 * 60 * 60_000;

export async function insertSecurityEvent(db: Db, event: NewSecurityEvent): Promise<void> {
  const [row] = await db.insert(securityEvents).values(event).returning({ id: securityEvents.id });
  if (row && row.id % 1000 === 0) await db.delete(securityEvents).where(lt(securityEvents.at, new Date(Date.now() - keepMs)));
}

/** Newest first, a page at a time (`before`: the id of the last row of the previous page). */
export async function listSecurityEvents(
  db: Db,
  filter: { events?: readonly string[]; subjectId?: string; before?: number; limit: number },
): Promise<SecurityEventRow[]> {
  const conditions: SQL[] = [];
  if (filter.events?.length) conditions.push(inArray(securityEvents.event, [...filter.events]));
  if (filter.subjectId) conditions.push(eq(securityEvents.subjectId, filter.subjectId));
  if (filter.before) conditions.push(lt(securityEvents.id, filter.before));
  return db
    .select()
    .from(securityEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(securityEvents.id))
    .limit(filter.limit);
}
