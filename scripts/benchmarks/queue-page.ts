import { openDatabase, type Database } from "@/lib/db/open-database";
import { analyzeCalls, upsertCalls } from "@/lib/db/queries/calls";
import type { NewCallRow } from "@/lib/db/schema";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { medianOf } from "./median";

const agents = ["Grace Owusu", "Devin Park", "Mia Laurent", "Omar Haddad", "Lena Fischer", "Tom Baker"];

async function indexedDatabase(count: number): Promise<Database> {
  const database = await openDatabase({ driver: "pglite" });
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
        hasSummary: index % 10 !== 0,
        reviewStatus: index % 7 === 0 ? "corrected" : "unreviewed",
        searchText: `${agent} customer ${index}`.toLowerCase(),
        // Every summary mentions a refund (a common term); each has its own invoice number (a rare one).
        summaryText: `the customer asked about a refund for invoice inv-${String(index).padStart(6, "0")} and a follow-up call.`,
      });
    }
    await upsertCalls(database.db, rows);
  }
  await analyzeCalls(database.db);
  return database;
}

/** The queue's first page, a filtered page and free-text searches, with 1,000 and with 100,000 indexed calls. */
export async function benchQueuePage(): Promise<string[]> {
  const lines: string[] = [];
  const scenarios = [
    { name: "first page", query: {} },
    { name: "unreviewed, one agent", query: { status: "unreviewed", agent: "Mia Laurent" } },
    // Free text: a rare term from one summary, a term in every summary, and one no call holds.
    { name: "search, a rare term (an invoice number)", query: { q: "inv-000777" } },
    { name: "search, a common term", query: { q: "refund" } },
    { name: "search, no match", query: { q: "zqxjv" } },
  ] as const;
  const results = new Map<string, number[]>();
  for (const size of [1_000, 100_000]) {
    const database = await indexedDatabase(size);
    const providers = ["allo", "openphone"] as const;
    // Warm the query plans before timing.
    await listQueue(database, [...providers], queueQuerySchema.parse({}));
    for (const scenario of scenarios) {
      const time = await medianOf(30, () => listQueue(database, [...providers], queueQuerySchema.parse(scenario.query)));
      results.set(scenario.name, [...(results.get(scenario.name) ?? []), time]);
    }
    await database.close();
  }
  for (const [name, [small, large]] of results) {
    lines.push(`queue ${name}: 1k ${small!.toFixed(2)} ms, 100k ${large!.toFixed(2)} ms, ratio ${(large! / small!).toFixed(2)}× (budget 1.3×)`);
  }
  return lines;
}
