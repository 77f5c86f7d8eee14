import { seedDemoAccounts } from "@/lib/auth/demo-accounts";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { syncState } from "@/lib/db/schema";

/**
 * An embedded database in `dataDir` holding the demo accounts, with every configured provider's first sync
 * marked done, so the app serves what a benchmark writes rather than starting a sync. The caller closes it.
 */
export async function openSeededDatabase(dataDir: string): Promise<Database> {
  const database = await openDatabase({ driver: "pglite", dataDir });
  await seedDemoAccounts(database.db);
  const done = new Date();
  await database.db
    .insert(syncState)
    .values((["allo", "openphone"] as const).map((provider) => ({ provider, status: "completed" as const, highWaterMark: done, finishedAt: done })));
  return database;
}
