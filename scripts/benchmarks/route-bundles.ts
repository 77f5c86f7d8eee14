import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

const statsSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

const gzipKb = (file: string) => gzipSync(readFileSync(file)).length / 1024;

/**
 * First-load JavaScript per route, gzipped, from the last `next build`; the review route also counts
 * the editor's chunks, which load right after the page (DESIGN §7: queue ≤ 180 KB, review ≤ 300 KB).
 */
export async function benchRouteBundles(): Promise<string[]> {
  const statsFile = path.join(".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(statsFile)) return ["no build found: run `npm run build` first"];
  const stats = statsSchema.parse(JSON.parse(readFileSync(statsFile, "utf8")));
  const chunkDir = path.join(".next", "static", "chunks");
  const editorChunks = readdirSync(chunkDir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => path.join(".next", "static", "chunks", name))
    .filter((file) => readFileSync(file, "utf8").includes("w-md-editor"));
  const budgets: Record<string, number> = { "/queue": 180, "/calls/[provider]/[id]": 300 };
  return stats
    .filter((entry) => entry.route in budgets)
    .map((entry) => {
      const chunks = new Set(entry.firstLoadChunkPaths);
      if (entry.route.startsWith("/calls")) for (const file of editorChunks) chunks.add(file);
      const total = [...chunks].reduce((sum, file) => sum + gzipKb(file), 0);
      const budget = budgets[entry.route]!;
      return `${entry.route}: ${total.toFixed(1)} KB gzip, ${(total / budget).toFixed(2)} of the ${budget} KB budget`;
    });
}
