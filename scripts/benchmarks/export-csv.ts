import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedDemoAccounts } from "@/lib/auth/demo-accounts";
import { openDatabase } from "@/lib/db/open-database";
import { findUserByEmail } from "@/lib/db/queries/users";
import { summaryRevisions, syncState } from "@/lib/db/schema";
import { startEmulator } from "../../emulator/server";
import { emulatorEnv } from "../emulator-env";
import { startBuiltApp } from "./built-app";
import { median } from "./median";

const port = 3942;
/** Saves per summary target, after its AI original. */
const SAVES_PER_TARGET = 5;

const summaryLines = [
  "The customer called about invoice INV-{n} and a refund of the second payment.",
  "- Agent confirmed the account and the billing address on file.",
  "- Customer said the refund was promised last week, \"by Friday\".",
  "- Agent opened a ticket, priority normal, and offered a callback.",
  "Next steps: finance reviews the refund; agent calls back within two days.",
  "Sentiment: frustrated at first, calmer by the end of the call.",
  "Follow-up owner: billing team, cc the account manager.",
  "=Internal note, flagged for quality review.",
];

function aiText(target: number): string {
  return summaryLines.map((line) => line.replace("{n}", String(target).padStart(6, "0"))).join("\n");
}

/** The save's text: the AI's, with one line rewritten and one added, growing with each save. */
function savedText(target: number, save: number): string {
  const lines = aiText(target).split("\n");
  lines[1 + (save % 6)] = `- Corrected by the reviewer (save ${save}): the customer asked for a refund, not a credit.`;
  lines.push(`Reviewer note ${save}.`);
  return lines.join("\n");
}

/**
 * An embedded database in `dataDir` with the demo accounts, every provider's first sync marked done, and
 * `saves` applied saves spread over summary targets that each have their AI original journalled.
 */
async function journalDatabase(dataDir: string, saves: number): Promise<void> {
  const database = await openDatabase({ driver: "pglite", dataDir });
  await seedDemoAccounts(database.db);
  const done = new Date();
  await database.db
    .insert(syncState)
    .values((["allo", "openphone"] as const).map((provider) => ({ provider, status: "completed" as const, highWaterMark: done, finishedAt: done })));
  const authors = await Promise.all(["reviewer@redline.test", "reviewer2@redline.test", "lead@redline.test"].map((email) => findUserByEmail(database.db, email)));
  const start = Date.parse("2026-11-01T08:00:00Z");
  const targets = Math.ceil(saves / SAVES_PER_TARGET);
  let written = 0;
  for (let first = 0; first < targets; first += 200) {
    const rows: (typeof summaryRevisions.$inferInsert)[] = [];
    for (let target = first; target < Math.min(targets, first + 200); target += 1) {
      const provider = target % 4 === 0 ? "openphone" : "allo";
      const callId = `cll-${target.toString(36).padStart(8, "0")}`;
      const at = new Date(start + target * 60_000);
      rows.push({ provider, targetId: callId, callId, kind: "original", status: "observed", content: aiText(target), createdAt: at, completedAt: at });
      for (let save = 1; save <= SAVES_PER_TARGET && written < saves; save += 1, written += 1) {
        const savedAt = new Date(at.getTime() + save * 1000);
        rows.push({
          provider,
          targetId: callId,
          callId,
          kind: "edit",
          status: "applied",
          revision: save,
          authorId: authors[(target + save) % authors.length]!.id,
          baseContent: save === 1 ? aiText(target) : savedText(target, save - 1),
          baseRevision: save - 1,
          content: savedText(target, save),
          createdAt: savedAt,
          completedAt: savedAt,
        });
      }
    }
    await database.db.insert(summaryRevisions).values(rows);
  }
  await database.close();
}

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
  const emulator = await startEmulator({ port: 0, calls: 5, seed: 1, now: new Date("2026-11-20T12:00:00Z"), rateLimits: false, providers: ["allo", "openphone"] });
  const results: Record<number, Download[]> = {};
  try {
    for (const [size, runs] of [
      [1_000, 5],
      [100_000, 2],
    ] as const) {
      const dataDir = mkdtempSync(path.join(tmpdir(), "redline-bench-export-"));
      try {
        await journalDatabase(dataDir, size);
        const app = await startBuiltApp(port, { DATA_DIR: dataDir, ...emulatorEnv(emulator.setup()) });
        try {
          const cookie = await app.cookieHeader(await app.signIn("lead@redline.test"));
          const pid = serverPid(app.pid);
          // Load the route and warm the query before measuring: an export that selects nothing.
          for (let run = 0; run < 3; run += 1) await (await fetch(`${app.url}/api/exports/revisions.csv?provider=bland`, { headers: { cookie } })).text();
          results[size] = [];
          for (let run = 0; run < runs; run += 1) results[size].push(await download(app.url, cookie, pid));
        } finally {
          await app.close();
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await emulator.close();
  }
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
