import { existsSync } from "node:fs";
import path from "node:path";
import { analyzeCalls, upsertCalls } from "@/lib/db/queries/calls";
import type { NewCallRow } from "@/lib/db/schema";
import { forEachSeededApp } from "./built-app";
import { openSeededDatabase } from "./seeded-database";
import { medianOf } from "./median";

const port = 3941;

const agents = ["Grace Owusu", "Devin Park", "Mia Laurent", "Omar Haddad", "Lena Fischer", "Tom Baker"];

/**
 * An embedded database in `dataDir` holding `count` indexed calls, the demo accounts, and every provider's
 * first sync marked done, so the app serves the index as it stands rather than starting a sync.
 */
async function indexedDatabase(dataDir: string, count: number): Promise<void> {
  const database = await openSeededDatabase(dataDir);
  const start = Date.parse("2026-11-20T12:00:00Z");
  for (let offset = 0; offset < count; offset += 2000) {
    const rows: NewCallRow[] = [];
    for (let index = offset; index < Math.min(count, offset + 2000); index += 1) {
      const agent = agents[index % agents.length]!;
      rows.push({
        provider: index % 4 === 0 ? "openphone" : "allo",
        callId: `cll-${index.toString(36).padStart(10, "0")}`,
        startedAt: new Date(start - index * 37_000),
        durationSec: 60 + (index % 600),
        direction: index % 3 === 0 ? "outbound" : "inbound",
        agentId: null,
        agentName: agent,
        counterpartName: `Customer ${index}`,
        counterpartNumber: `+1555${String(index).padStart(7, "0")}`,
        summaryStatus: index % 10 !== 0 ? "ready" : "in_progress",
        reviewStatus: index % 7 === 0 ? "corrected" : "unreviewed",
        searchText: `${agent} customer ${index}`.toLowerCase(),
        // Every summary mentions a refund (a common term); each has its own invoice number (a rare one).
        summaryText: `the customer asked about a refund for invoice inv-${String(index).padStart(6, "0")} and a follow-up call.`,
      });
    }
    await upsertCalls(database.db, rows);
  }
  await analyzeCalls(database.db);
  await database.close();
}

/**
 * The queue page as a reviewer meets it — `GET /queue` through the built app, whole HTML — with 1,000 and with
 * 100,000 indexed calls: the first page, a filtered page and free-text searches.
 */
export async function benchQueuePage(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const scenarios = [
    { name: "first page", query: {} },
    { name: "unreviewed, one agent", query: { status: "unreviewed", agent: "Mia Laurent" } },
    // Free text: a rare term from one summary, a term in every summary, and one no call holds.
    { name: "search, a rare term (an invoice number)", query: { q: "inv-000777" } },
    { name: "search, a common term", query: { q: "refund" } },
    { name: "search, no match", query: { q: "zqxjv" } },
  ] as const;
  // The providers must be configured for the queue to show; the emulator's own few calls are never synced.
  const results = new Map<string, number[]>();
  await forEachSeededApp(port, [1_000, 100_000], indexedDatabase, async (app) => {
    const cookie = await app.cookieHeader(await app.signIn("reviewer@redline.test"));
    const get = (query: Record<string, string>) => async () => {
      const response = await fetch(`${app.url}/queue?${new URLSearchParams(query)}`, { headers: { cookie } });
      await response.text();
      if (!response.ok) throw new Error(`/queue answered ${response.status}`);
    };
    // Warm the server and the query plans before timing.
    for (let index = 0; index < 5; index += 1) await get({})();
    for (const scenario of scenarios) {
      const time = await medianOf(25, get(scenario.query));
      results.set(scenario.name, [...(results.get(scenario.name) ?? []), time]);
    }
  });
  return [...results].map(
    ([name, [small, large]]) =>
      `GET /queue, ${name}: 1k ${small!.toFixed(1)} ms, 100k ${large!.toFixed(1)} ms, ratio ${(large! / small!).toFixed(2)}× (budget 1.3×)`,
  );
}
