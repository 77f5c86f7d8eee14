import { parseArgs } from "node:util";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { openDatabase } from "@/lib/db/open-database";

// `npm run create-admin -- --email lee@example.com --name "Lee Park"`: the first admin of a real install, on the
// database Redline would open with the same environment (Postgres when DATABASE_URL is set).
const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const url = process.env.DATABASE_URL;
const database = await openDatabase(url ? { driver: "postgres", url } : { driver: "pglite", dataDir: process.env.DATA_DIR ?? ".data" });
const result = await createFirstAdmin(database.db, { email: values.email ?? "", name: values.name ?? "" });
await database.close();
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(`Created the admin ${result.email}. Their password, shown only now:\n\n  ${result.password}\n\nSign in with it.`);
