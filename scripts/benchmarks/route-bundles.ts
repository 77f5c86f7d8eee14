import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page, Request } from "playwright-core";
import { z } from "zod";
import { generateFixture } from "../../emulator/data/generate";
import { startDemoApp } from "./built-app";

const data = { calls: 60, seed: 42, now: new Date("2026-11-20T12:00:00Z"), providers: ["allo" as const] };
const port = 3952;
/** Scripts still arriving this long after the page is ready are counted apart, as loaded later. */
const quietMs = 1_500;

const statsSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

type Script = { file: string; encoded: number; decoded: number; gzip: boolean; afterReady: boolean };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (scripts: readonly Script[], size: "encoded" | "decoded") => scripts.reduce((total, script) => total + script[size], 0);

/**
 * Every script `page` requests while `open` runs, and for `quietMs` after, with the body's size as it crossed
 * the wire (Playwright's `request.sizes().responseBodySize`, the encoded size) and decoded.
 */
async function scriptsLoaded(page: Page, open: () => Promise<void>): Promise<Script[]> {
  const requests: { request: Request; afterReady: boolean }[] = [];
  let ready = false;
  let last = performance.now();
  page.on("request", (request) => {
    if (request.resourceType() !== "script") return;
    requests.push({ request, afterReady: ready });
    last = performance.now();
  });
  await open();
  ready = true;
  while (performance.now() - last < quietMs) await page.waitForTimeout(250);
  return Promise.all(
    requests.map(async ({ request, afterReady }) => {
      const response = await request.response();
      if (!response || !response.ok()) throw new Error(`${request.url()} answered ${response?.status() ?? "nothing"}`);
      const sizes = await request.sizes();
      return {
        file: new URL(request.url()).pathname,
        encoded: sizes.responseBodySize,
        decoded: (await response.body()).length,
        gzip: (await response.headerValue("content-encoding")) === "gzip",
        afterReady,
      };
    }),
  );
}

/** The lines for one route: the total against its budget, how it splits, and the largest scripts. */
function report(label: string, budgetKb: number, readyAt: string, scripts: Script[], firstLoadList: Set<string> | null): string[] {
  const ready = scripts.filter((script) => !script.afterReady);
  const later = scripts.filter((script) => script.afterReady);
  const total = sum(ready, "encoded");
  const plain = ready.filter((script) => !script.gzip).length;
  const lines = [
    `  ${label}: ${ready.length} scripts until ${readyAt}, ${kb(total)} transferred${plain ? ` (${plain} not gzipped)` : " gzipped"}, ${kb(sum(ready, "decoded"))} decoded: ${(total / 1024 / budgetKb).toFixed(2)} of the ${budgetKb} KB budget`,
  ];
  if (firstLoadList) {
    const listed = ready.filter((script) => firstLoadList.has(script.file));
    const extra = ready.filter((script) => !firstLoadList.has(script.file));
    lines.push(
      `    in the build's first-load list for the route: ${listed.length} of its ${firstLoadList.size} chunks, ${kb(sum(listed, "encoded"))}; loaded besides (dynamic imports): ${extra.length}, ${kb(sum(extra, "encoded"))}`,
    );
  }
  if (later.length) lines.push(`    requested after that (prefetches): ${later.length} scripts, ${kb(sum(later, "encoded"))}`);
  const largest = [...ready].sort((a, b) => b.encoded - a.encoded).slice(0, 5);
  lines.push(`    largest: ${largest.map((script) => `${path.basename(script.file)} ${kb(script.encoded)}`).join(", ")}`);
  return lines;
}

/**
 * The JavaScript the browser receives for the queue and review routes (DESIGN §7: queue ≤ 180 KB,
 * review ≤ 300 KB, gzipped): each opened as a reviewer in a fresh browser context (an empty cache), every
 * script counted until the page is ready, the review route's editor chunks included.
 */
export async function benchRouteBundles(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const call = generateFixture(data).allo!.items.find((item) => item.type === "CALL" && item.summaries.length === 1)!;
  // The build's own list of each route's first-load chunks, to tell them from what loads on demand.
  const statsFile = path.join(".next", "diagnostics", "route-bundle-stats.json");
  const stats = existsSync(statsFile) ? statsSchema.parse(JSON.parse(readFileSync(statsFile, "utf8"))) : [];
  const firstLoadList = (route: string) => {
    const entry = stats.find((candidate) => candidate.route === route);
    return entry ? new Set(entry.firstLoadChunkPaths.map((file) => `/_next/${path.relative(".next", file).split(path.sep).join("/")}`)) : null;
  };

  const { app, close } = await startDemoApp(port, data);
  try {
    const signedIn = await app.signIn("reviewer@redline.test");
    const session = await signedIn.context().storageState();
    const fresh = async () => (await app.browser.newContext({ storageState: session, bypassCSP: true })).newPage();

    const queuePage = await fresh();
    const queue = await scriptsLoaded(queuePage, async () => {
      await queuePage.goto(`${app.url}/queue`, { waitUntil: "load" });
      await queuePage.getByRole("table").waitFor();
    });
    await queuePage.context().close();

    const reviewPage = await fresh();
    const review = await scriptsLoaded(reviewPage, async () => {
      await reviewPage.goto(`${app.url}/calls/allo/${encodeURIComponent(call.id)}`, { waitUntil: "commit" });
      // The markdown editor is rendered in the browser only: its text box is there once its chunks have run.
      // Checked on every frame: Playwright's own waits poll as slowly as every 500 ms, and a late look would
      // count scripts requested after the editor was ready.
      await reviewPage.waitForFunction(
        `document.querySelector('textarea[aria-label="Summary"]') !== null && document.readyState === "complete"`,
        undefined,
        { polling: "raf" },
      );
    });
    await reviewPage.context().close();

    // Insights as the lead who reads them: their charts are drawn on the server, so only the filters and
    // the export form are the route's own.
    const leadSession = await (await app.signIn("lead@redline.test")).context().storageState();
    const insightsPage = await (await app.browser.newContext({ storageState: leadSession, bypassCSP: true })).newPage();
    const insights = await scriptsLoaded(insightsPage, async () => {
      await insightsPage.goto(`${app.url}/insights`, { waitUntil: "load" });
      await insightsPage.getByRole("heading", { name: "Insights" }).waitFor();
    });
    await insightsPage.context().close();

    return [
      ...report("/queue", 180, "its load event", queue, firstLoadList("/queue")),
      ...report("/calls/[provider]/[id]", 300, "the editor is on screen and the load event", review, firstLoadList("/calls/[provider]/[id]")),
      ...report("/insights", 200, "its load event, as a lead", insights, firstLoadList("/insights")),
    ];
  } finally {
    await close();
  }
}
