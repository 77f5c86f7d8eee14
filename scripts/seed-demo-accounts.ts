import { seedDemoAccounts, demoAccounts, demoPassword } from "@/lib/auth/demo-accounts";
import { openDatabase } from "@/lib/db/open-database";

// Seeds the database Redline would open with the same environment: Postgres when DATABASE_URL is set.
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { driver: "postgres", url } : { driver: "pglite", dataDir: process.env.DATA_DIR ?? ".data" });
await seedDemoAccounts(database.db);
await database.close();
console.log(
  `Seeded ${demoAccounts.length} demo accounts (password: ${demoPassword}). These are for the demo only: their password is ` +
    "published. For a real install, create the first admin with `npm run create-admin`.",
);
