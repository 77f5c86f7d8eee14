import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalLocks, withSummaryLock } from "@/lib/db/summary-lock";
import { openTestDatabase, postgresAvailable, type TestDatabase } from "../support/test-database";

describe("the embedded database's save lock", () => {
  it("runs holders of one key one at a time, in the order they came", async () => {
    const locks = createLocalLocks();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = withSummaryLock(locks, "k", 1_000, () => new Promise<void>((resolve) => (releaseFirst = () => (order.push("first"), resolve()))));
    const second = withSummaryLock(locks, "k", 60_000, async () => void order.push("second"));
    const third = withSummaryLock(locks, "k", 60_000, async () => void order.push("third"));
    const other = await withSummaryLock(locks, "other", 0, async () => "free");
    expect(other).toEqual({ acquired: true, value: "free" });
    releaseFirst();
    await Promise.all([first, second, third]);
    expect(order).toEqual(["first", "second", "third"]);
  });

  it("answers 'not acquired' to a waiter whose wait ran out, and still serves the ones behind it", async () => {
    const locks = createLocalLocks();
    const held = (await locks.acquire("k", 0))!;
    expect(await locks.acquire("k", 0)).toBeNull();
    const patient = locks.acquire("k", 60_000);
    expect(await withSummaryLock(locks, "k", 10, async () => "ran")).toEqual({ acquired: false });
    await held.release();
    const next = (await patient)!;
    expect(next).not.toBeNull();
    await next.release();
    expect(await withSummaryLock(locks, "k", 0, async () => "ran")).toEqual({ acquired: true, value: "ran" });
  });
});

describe.skipIf(!(await postgresAvailable()))("the save lock on Postgres", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase("postgres", 2);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("holds across instances, gives up after the wait, and is free again once released", async () => {
    const other = await database.peer();
    const held = (await database.locks.acquire("summary:allo:cll-1", 0))!;
    expect(held).not.toBeNull();
    expect(await other.locks.acquire("summary:allo:cll-1", 0)).toBeNull();
    expect(await withSummaryLock(other.locks, "summary:allo:cll-1", 50, async () => "ran")).toEqual({ acquired: false });
    // Another summary is not held up.
    expect(await withSummaryLock(other.locks, "summary:allo:cll-2", 0, async () => "ran")).toEqual({ acquired: true, value: "ran" });
    const waiting = withSummaryLock(other.locks, "summary:allo:cll-1", 60_000, async () => "ran");
    await held.release();
    expect(await waiting).toEqual({ acquired: true, value: "ran" });
  });

  it("is freed when its holder's connection dies, and the holder's process survives the loss", async () => {
    const doomed = await database.peer();
    const held = (await doomed.locks.acquire("summary:bland:mem-1", 0))!;
    expect(held).not.toBeNull();
    // The holder's session ends without releasing (its process died, the network dropped): Postgres frees its locks.
    const admin = new Client({ connectionString: database.url! });
    await admin.connect();
    const { rowCount } = await admin.query("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())");
    await admin.end();
    expect(rowCount).toBe(1);
    const other = await database.peer();
    expect(await withSummaryLock(other.locks, "summary:bland:mem-1", 10_000, async () => "ran")).toEqual({ acquired: true, value: "ran" });
    // Releasing on a dead connection drops it rather than failing.
    await held.release();
  });
});
