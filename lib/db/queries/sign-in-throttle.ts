import { inArray, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { signInThrottle } from "../schema";

export type ThrottlePolicy = { freeFailures: number; windowMs: number; firstLockMs: number; maxLockMs: number };

/** The latest lock among `keys`, if any is still locked at `now`. */
export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.select({ lockedUntil: signInThrottle.lockedUntil }).from(signInThrottle).where(inArray(signInThrottle.key, keys));
  const locks = rows.flatMap((row) => (row.lockedUntil && row.lockedUntil > now ? [row.lockedUntil] : []));
  return locks.length ? new Date(Math.max(...locks.map((lock) => lock.getTime()))) : null;
}

/**
 * Counts one failure against a key in one statement (two instances counting at once both count): past the
 * free failures of the window, the key locks for `firstLockMs`, doubled for each further failure, at most
 * `maxLockMs`.
 */
export async function recordFailure(db: Db, key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
  const { freeFailures } = policy;
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - policy.windowMs).toISOString();
  await db.execute(sql`
    insert into sign_in_throttle as t (key, failures, window_started_at)
    values (${key}, 1, ${at}::timestamptz)
    on conflict (key) do update set
      failures = case when t.window_started_at < ${windowStart}::timestamptz then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < ${windowStart}::timestamptz then ${at}::timestamptz else t.window_started_at end,
      locked_until = case
        when t.window_started_at >= ${windowStart}::timestamptz and t.failures + 1 > ${freeFailures}
        then ${at}::timestamptz + least(${policy.maxLockMs}::bigint, ${policy.firstLockMs}::bigint * power(2, least(t.failures + 1 - ${freeFailures} - 1, 20))::bigint) * interval '1 millisecond'
        else t.locked_until end`);
}

/** A correct password clears the account's count (an address's count only lapses with its window). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, [key]));
}
