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

/** A migrated database of its own for one test file: in-memory PGlite, or a fresh Postgres database dropped afterwards. */
export async function openTestDatabase(driver: TestDriver, poolSize = 10): Promise<Database> {
  if (driver === "pglite") return openDatabase({ driver: "pglite" });
  const name = `redline_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ driver: "postgres", url: url.toString(), poolSize });
  return {
    ...database,
    async close() {
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
