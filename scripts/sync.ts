import { getDatabase } from "@/lib/db/database";
import { configuredProviders, getAdapter } from "@/lib/providers/registry";
import { providerNames } from "@/lib/providers/provider-id";
import { syncCalls } from "@/lib/review/queue/sync-calls";

// `npm run sync`: fills the queue index from every configured provider with the same environment
// Redline runs with. Runs under the react-server condition so server-only modules load outside Next.
const providers = configuredProviders();
if (providers.length === 0) {
  console.error("No provider is configured: set a provider's API key (see README).");
  process.exit(1);
}
const database = await getDatabase();
let failed = false;
await Promise.all(
  providers.map(async (provider) => {
    const outcome = await syncCalls({ database, adapter: getAdapter(provider)! });
    const name = providerNames[provider];
    if (outcome.status === "completed") console.log(`${name}: ${outcome.processed} calls indexed.`);
    else if (outcome.status === "busy") console.log(`${name}: another process is syncing; nothing to do.`);
    else {
      failed = true;
      console.error(`${name}: stopped after ${outcome.processed} calls (${outcome.error.code}: ${outcome.error.message}). Run again to resume.`);
    }
  }),
);
await database.close();
process.exit(failed ? 1 : 0);
