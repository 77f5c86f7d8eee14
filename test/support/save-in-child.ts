/**
 * One save, in a process of its own, so a test can kill it mid-save (SIGKILL) and start again: run with
 * `tsx --conditions=react-server test/support/save-in-child.ts <work.json>`. Never finishes on its own when
 * the provider hangs.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { openDatabase } from "@/lib/db/open-database";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import { saveSummary } from "@/lib/review/save/save-summary";

const work = z
  .object({
    database: z.union([z.object({ driver: z.literal("postgres"), url: z.string() }), z.object({ driver: z.literal("pglite"), dataDir: z.string() })]),
    allo: z.object({ apiKey: z.string(), baseUrl: z.string() }),
    actor: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(["viewer", "reviewer", "lead", "admin"]) }),
    input: z.object({ callId: z.string(), baseContent: z.string(), content: z.string() }),
  })
  .parse(JSON.parse(readFileSync(process.argv[2]!, "utf8")));

const database = await openDatabase(work.database);
// One line per request sent, so the test knows where the save is without waiting for time.
const reporting: typeof fetch = (input, init) => {
  console.log(`${init?.method ?? "GET"} ${String(input)}`);
  return fetch(input, init);
};
const adapter = createAlloAdapter({ ...work.allo, timeoutMs: 600_000, rateLimit: null, fetch: reporting });
const { callId, baseContent, content } = work.input;
const result = await saveSummary({ database, adapter }, work.actor, {
  provider: "allo",
  callId,
  targetId: callId,
  templateKey: null,
  baseContent,
  baseRevision: 0,
  content,
});
console.log(JSON.stringify(result));
await database.close();
