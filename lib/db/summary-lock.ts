import { sql } from "drizzle-orm";
import type { Database, Db } from "./open-database";

const localQueues = new Map<string, Promise<unknown>>();

/** A keyed mutex for the embedded database, which only one process opens. */
async function withLocalLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = localQueues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  localQueues.set(key, tail);
  try {
    return await run;
  } finally {
    if (localQueues.get(key) === tail) localQueues.delete(key);
  }
}

/**
 * Serialises saves of one summary. On Postgres the advisory lock belongs to a transaction, so it spans
 * every app instance; the work inside runs on that transaction's connection (`db`), because waiting for
 * a second pool connection while other savers hold the rest waiting on this lock would deadlock.
 * The pending journal row is written before the lock, outside it, so a crash here never loses the text.
 */
export async function withSummaryLock<T>(database: Database, key: string, fn: (db: Db) => Promise<T>): Promise<T> {
  if (database.driver === "pglite") return withLocalLock(key, () => fn(database.db));
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    return fn(tx as unknown as Db);
  });
}
