import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type Database } from "./open-database";

const globalForDb = globalThis as unknown as { redlineDatabase?: Promise<Database> };

/** One database per process, kept on globalThis so hot reloads do not open a second PGlite on the same files. */
export function getDatabase(): Promise<Database> {
  globalForDb.redlineDatabase ??= openDatabase(
    env().DATABASE_URL
      ? { driver: "postgres", url: env().DATABASE_URL! }
      : { driver: "pglite", dataDir: env().DATA_DIR },
  ).catch((error: unknown) => {
    globalForDb.redlineDatabase = undefined;
    throw error;
  });
  return globalForDb.redlineDatabase;
}
