import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { forEachSeededApp } from "./built-app";
import { journalDatabase } from "./journal-database";
import { median } from "./median";

const port = 3942;
/** `next start`'s server process: the one titled next-server among the spawned process and its descendants. */
function serverPid(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /s, "").split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  const family = [root];
  for (let index = 0; index < family.length; index += 1) family.push(...(children.get(family[index]!) ?? []));
  return family.find((pid) => readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("next-server")) ?? root;
}

/** VmRSS and VmHWM (the peak since it was last reset) in kB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

/** Records in a CSV stream (line breaks outside quotes), counted as it arrives, holding nothing of it. */
async function countRecords(body: ReadableStream<Uint8Array>): Promise<{ records: number; bytes: number }> {
  let quoted = false;
  let records = 0;
  let bytes = 0;
  const reader = body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const chunk = next.value;
    bytes += chunk.length;
    for (const byte of chunk) {
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) records += 1;
    }
  }
  return { records, bytes };
}

type Download = { ms: number; rows: number; bytes: number; rssBeforeMb: number; peakGrowthMb: number };

async function download(url: string, cookie: string, pid: number): Promise<Download> {
  // Reset the peak, so VmHWM afterwards is the peak of this download; the 20 ms samples back it up where it cannot be.
  let resettable = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    resettable = false;
  }
  const before = memory(pid);
  let sampled = before.rss;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, memory(pid).rss);
  }, 20);
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/exports/revisions.csv`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`the export answered ${response.status}`);
    const { records, bytes } = await countRecords(response.body);
    const ms = performance.now() - started;
    const after = memory(pid);
    const peak = Math.max(sampled, after.rss, resettable ? after.peak : 0);
    return { ms, rows: records - 1, bytes, rssBeforeMb: before.rss / 1024, peakGrowthMb: (peak - before.rss) / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * `GET /api/exports/revisions.csv` through the built app as a lead, with 1,000 and 100,000 saves journalled:
 * the time per row, and how much the server's memory grows while it streams the whole export.
 */
export async function benchExportCsv(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const results: Record<number, Download[]> = {};
  // Two downloads of 100,000 rows: each takes tens of seconds, and the memory figure is a peak, not a median.
  const runs: Record<number, number> = { 1_000: 5, 100_000: 2 };
  await forEachSeededApp(port, [1_000, 100_000], journalDatabase, async (app, size) => {
    const cookie = await app.cookieHeader(await app.signIn("lead@redline.test"));
    const pid = serverPid(app.pid);
    // Load the route and warm the query before measuring: an export that selects nothing.
    for (let run = 0; run < 3; run += 1) await (await fetch(`${app.url}/api/exports/revisions.csv?provider=bland`, { headers: { cookie } })).text();
    results[size] = [];
    for (let run = 0; run < runs[size]!; run += 1) results[size].push(await download(app.url, cookie, pid));
  });
  const lines: string[] = [];
  const perRow = (downloads: Download[]) => median(downloads.map((entry) => entry.ms / entry.rows));
  for (const [size, downloads] of Object.entries(results)) {
    const last = downloads.at(-1)!;
    lines.push(
      `${Number(size).toLocaleString("en-US")} saves: ${last.rows.toLocaleString("en-US")} rows, ${(last.bytes / 1024 / 1024).toFixed(1)} MB, ` +
        `median ${median(downloads.map((entry) => entry.ms)).toFixed(0)} ms (${(perRow(downloads) * 1000).toFixed(1)} µs a row); ` +
        `server RSS ${last.rssBeforeMb.toFixed(0)} MB before, peak growth ${downloads.map((entry) => entry.peakGrowthMb.toFixed(1)).join(" / ")} MB (budget 50 MB)`,
    );
  }
  lines.push(`time per row, 100k ÷ 1k: ${(perRow(results[100_000]!) / perRow(results[1_000]!)).toFixed(2)}×`);
  return lines;
}
