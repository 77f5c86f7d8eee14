import { Pool, type PoolClient } from "pg";
import { logger } from "@/lib/logger";

/** Held until released; released at most once. */
export type HeldLock = { release(): Promise<void> };

/**
 * One lock per summary target, so two saves of one summary never interleave their re-read and write.
 * `acquire` waits at most `waitMs` (0: only if free now) and answers null rather than waiting longer.
 */
export type SummaryLocks = {
  acquire(key: string, waitMs: number): Promise<HeldLock | null>;
  close(): Promise<void>;
};

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

/** Runs `fn` holding the target's lock, or answers `{acquired: false}` when it stayed taken for `waitMs`. */
export async function withSummaryLock<T>(
  locks: SummaryLocks,
  key: string,
  waitMs: number,
  fn: () => Promise<T>,
): Promise<LockOutcome<T>> {
  const held = await locks.acquire(key, waitMs);
  if (!held) return { acquired: false };
  try {
    return { acquired: true, value: await fn() };
  } finally {
    await held.release();
  }
}

/** A keyed lock for the embedded database, which only one process opens: a queue of waiters per key. */
export function createLocalLocks(): SummaryLocks {
  const waiters = new Map<string, Array<() => void>>();

  function release(key: string): void {
    const queue = waiters.get(key);
    const next = queue?.shift();
    if (next) next();
    else waiters.delete(key);
  }

  function held(key: string): HeldLock {
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        release(key);
      },
    };
  }

  return {
    async acquire(key, waitMs) {
      const queue = waiters.get(key);
      if (!queue) {
        waiters.set(key, []);
        return held(key);
      }
      if (waitMs <= 0) return null;
      return new Promise<HeldLock | null>((resolve) => {
        const grant = () => {
          clearTimeout(timer);
          resolve(held(key));
        };
        queue.push(grant);
        const timer = setTimeout(() => {
          const index = queue.indexOf(grant);
          if (index !== -1) queue.splice(index, 1);
          resolve(null);
        }, waitMs);
      });
    },
    async close() {},
  };
}

const LOCK_NOT_AVAILABLE = "55P03";

/**
 * Postgres session advisory locks on a pool of their own. The lock spans every app instance and dies with
 * its holder (a killed process closes its connection, and Postgres frees what that session held). A save
 * waiting for it waits on a lock connection, never on one that queries need, so a summary whose write hangs
 * at the provider stalls only the saves of that summary, and each of those gives up after its wait.
 */
export function createAdvisoryLocks(connectionString: string, size: number): SummaryLocks {
  const pool = new Pool({ connectionString, max: size, idleTimeoutMillis: 30_000 });
  pool.on("error", (error) => logger.warn({ err: error }, "idle lock connection closed"));
  // The lock_timeout each connection has, so it is set again only when a wait differs: one round trip per lock.
  const timeouts = new WeakMap<PoolClient, string>();

  /** A lock connection within `waitMs`; one that arrives later is given back. */
  async function connect(waitMs: number): Promise<PoolClient | null> {
    const connecting = pool.connect();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(waitMs, 1_000));
    });
    const client = await Promise.race([connecting, timeout]).finally(() => clearTimeout(timer));
    if (!client) connecting.then((late) => late.release(), () => undefined);
    return client;
  }

  return {
    async acquire(key, waitMs) {
      const started = Date.now();
      const client = await connect(waitMs);
      if (!client) return null;
      // A connection that dies while lent out (a server restart) must not bring the process down; its locks died with it.
      const onError = (error: Error) => logger.warn({ err: error }, "save lock connection lost");
      client.on("error", onError);
      const giveBack = (error?: Error) => {
        client.off("error", onError);
        client.release(error);
      };
      const remaining = Math.max(0, waitMs - (Date.now() - started));
      try {
        if (remaining === 0) {
          const { rows } = await client.query<{ taken: boolean }>("select pg_try_advisory_lock(hashtextextended($1, 0)) as taken", [key]);
          if (!rows[0]?.taken) {
            giveBack();
            return null;
          }
        } else {
          // lock_timeout bounds the wait inside Postgres; the connection is the lock's alone, so setting it is safe.
          // Rounded up to a tenth of a second, so waits of about the same length reuse the setting.
          const timeout = `${Math.ceil(remaining / 100) * 100}ms`;
          if (timeouts.get(client) !== timeout) {
            await client.query("select set_config('lock_timeout', $1, false)", [timeout]);
            timeouts.set(client, timeout);
          }
          await client.query("select pg_advisory_lock(hashtextextended($1, 0))", [key]);
        }
      } catch (error) {
        if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) {
          giveBack();
          return null;
        }
        giveBack(error as Error);
        throw error;
      }
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          try {
            await client.query("select pg_advisory_unlock(hashtextextended($1, 0))", [key]);
            giveBack();
          } catch (error) {
            // Closing the session frees every lock it held.
            giveBack(error as Error);
          }
        },
      };
    },
    close: () => pool.end(),
  };
}
