import { existsSync } from "node:fs";
import path from "node:path";
import { forEachSeededApp } from "./built-app";
import { journalDatabase } from "./journal-database";
import { median } from "./median";

const port = 3943;

/** The insights views a lead opens: the default, broken down by each dimension, and one provider. */
const views = ["", "?by=template", "?by=agent", "?by=reviewer", "?provider=allo&weeks=26"];

/**
 * `GET /insights` through the built app as a lead, with 1,000 and 100,000 saves journalled: each view's
 * median, and the ratio of the two (DESIGN §7 asks 1.3× at most).
 */
export async function benchInsightsPage(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const medians: Record<number, number[]> = {};
  await forEachSeededApp(port, [1_000, 100_000], journalDatabase, async (app, size) => {
    const cookie = await app.cookieHeader(await app.signIn("lead@redline.test"));
    const load = async (view: string) => {
      const started = performance.now();
      const response = await fetch(`${app.url}/insights${view}`, { headers: { cookie } });
      await response.text();
      if (!response.ok) throw new Error(`/insights${view} answered ${response.status}`);
      return performance.now() - started;
    };
    for (const view of views) for (let warm = 0; warm < 2; warm += 1) await load(view);
    medians[size] = [];
    for (const view of views) {
      const samples: number[] = [];
      for (let run = 0; run < 7; run += 1) samples.push(await load(view));
      medians[size].push(median(samples));
    }
  });
  return views.map((view, index) => {
    const small = medians[1_000]![index]!;
    const large = medians[100_000]![index]!;
    return `  /insights${view || " (default)"}: 1,000 saves ${small.toFixed(0)} ms, 100,000 saves ${large.toFixed(0)} ms, ${(large / small).toFixed(2)}× (budget 1.3×)`;
  });
}
