import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { logger } from "@/lib/logger";
import * as schema from "./schema";
import { createAdvisoryLocks, createLocalLocks, type SummaryLocks } from "./summary-lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  /** Postgres holds locks across app instances; the embedded database lives in one process. */
  driver: "pglite" | "postgres";
  /** The per-summary save lock: across instances on Postgres, within the process on the embedded database. */
  locks: SummaryLocks;
  close(): Promise<void>;
};

export type DatabaseOptions =
  /** lockPoolSize: connections that only hold save locks, apart from the `poolSize` that run queries. */
  | { driver: "postgres"; url: string; poolSize?: number; lockPoolSize?: number }
  /** dataDir undefined: in memory (tests). */
  | { driver: "pglite"; dataDir?: string };

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

/** Opens the database and brings its schema up to date with the committed migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.driver === "postgres") {
    const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server drops (a restart, a failover) must not bring the process down;
    // the pool replaces it on the next query.
    pool.on("error", (error) => logger.warn({ err: error }, "idle database connection closed"));
    const db = drizzlePostgres(pool, { schema });
    await migratePostgres(db, { migrationsFolder });
    const locks = createAdvisoryLocks(options.url, options.lockPoolSize ?? 10);
    return {
      db: db as unknown as Db,
      driver: "postgres",
      locks,
      close: async () => {
        await Promise.all([locks.close(), pool.end()]);
      },
    };
  }
  let client: PGlite;
  if (options.dataDir) {
    const directory = path.resolve(options.dataDir, "pglite");
    mkdirSync(directory, { recursive: true });
    client = new PGlite(directory, { extensions: { pg_trgm } });
  } else {
    client = new PGlite({ extensions: { pg_trgm } });
  }
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, driver: "pglite", locks: createLocalLocks(), close: () => client.close() };
}
