import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type Database } from "@/lib/db/open-database";

export type TestDriver = "pglite" | "postgres";

export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Whether Postgres answers. In CI it must: the Postgres suite is then required, never skipped. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`Postgres at ${postgresAdminUrl} is required in CI: ${String(error)}`);
    console.warn(`Postgres at ${postgresAdminUrl} is not reachable; the Postgres suites are skipped on this machine.`);
    return false;
  }
}

/**
 * A database a test file owns. `peer()` opens another app instance's view of it: on Postgres a second,
 * independent pool and lock pool on the same database (as a second `next start` would have); the embedded
 * database lives in one process, so there its peer is the same database. `url` is set for Postgres.
 */
export type TestDatabase = Database & { url: string | null; peer(): Promise<Database> };

/** A migrated database of its own for one test file: in-memory PGlite, or a fresh Postgres database dropped afterwards. */
export async function openTestDatabase(driver: TestDriver, poolSize = 10): Promise<TestDatabase> {
  if (driver === "pglite") {
    const database = await openDatabase({ driver: "pglite" });
    return { ...database, url: null, peer: async () => ({ ...database, close: async () => {} }) };
  }
  const name = `redline_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ driver: "postgres", url: url.toString(), poolSize });
  const peers: Database[] = [];
  return {
    ...database,
    url: url.toString(),
    async peer() {
      const peer = await openDatabase({ driver: "postgres", url: url.toString(), poolSize });
      peers.push(peer);
      return peer;
    },
    async close() {
      await Promise.all(peers.map((peer) => peer.close()));
      await database.close();
      const cleanup = new Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export const testDrivers = async (): Promise<TestDriver[]> =>
  (await postgresAvailable()) ? ["pglite", "postgres"] : ["pglite"];
