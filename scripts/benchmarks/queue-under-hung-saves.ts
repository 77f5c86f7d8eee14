import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { seedDemoAccounts } from "@/lib/auth/demo-accounts";
import { openDatabase } from "@/lib/db/open-database";
import { generateFixture } from "../../emulator/data/generate";
import { startEmulator } from "../../emulator/server";
import { emulatorEnv } from "../emulator-env";
import { alloDirect } from "./allo-direct";
import { startBuiltApp, type BuiltApp } from "./built-app";
import { ctrlSToSaved } from "./ctrl-s-to-saved";
import { emulatorAdmin } from "./emulator-admin";
import { median } from "./median";
import { recordSaveAction, type ActionResult } from "./save-action";

const postgresUrl = "postgres://postgres@127.0.0.1:5432/postgres";
const data = { calls: 300, seed: 11, now: new Date("2026-11-20T12:00:00Z"), providers: ["allo" as const] };
const port = 3932;
const saves = 20;
const requests = 15;
/** The app gives up on the hung write after this; the saves behind it wait for the lock far longer. */
const providerTimeoutMs = 8_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds, or throws after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

/**
 * DESIGN §7: the queue page while twenty saves of one summary wait behind a write hung at the provider,
 * against the same page idle, on Postgres (where saves waiting for the summary's lock could starve the
 * query pool), through the built app as a signed-in reviewer.
 */
export async function benchQueueUnderHungSaves(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const [recordedCall, callId] = generateFixture(data)
    .allo!.items.filter((item) => item.type === "CALL" && item.summaries.length === 1)
    .map((item) => item.id);

  const name = `redline_bench_${randomBytes(6).toString("hex")}`;
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dropDatabase = async () => {
    const cleanup = new Client({ connectionString: postgresUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };

  const journal = new Client({ connectionString: databaseUrl });
  const emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
  let app: BuiltApp | null = null;
  try {
    const admin = new Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const database = await openDatabase({ driver: "postgres", url: databaseUrl });
    await seedDemoAccounts(database.db);
    await database.close();
    await journal.connect();
    const emulatorControl = emulatorAdmin(emulator.url);
    const direct = alloDirect(emulator);
    app = await startBuiltApp(port, {
      DATABASE_URL: databaseUrl,
      PROVIDER_TIMEOUT_MS: String(providerTimeoutMs),
      SAVE_LOCK_WAIT_MS: "30000",
      ...emulatorEnv(emulator.setup()),
    });
    const appUrl = app.url;
    const page = await app.signIn("reviewer@redline.test");
    const cookie = await app.cookieHeader(page);
    await app.synced(cookie);
    const action = await recordSaveAction(page, cookie, () => ctrlSToSaved(page, appUrl, recordedCall!));
    // Nothing in the browser polls the app while the queue is timed.
    await page.close();

    const queueTime = async () => {
      const started = performance.now();
      const response = await fetch(`${appUrl}/queue`, { headers: { Cookie: cookie }, redirect: "manual" });
      const html = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200 || !html.includes(">Queue</h1>")) throw new Error(`GET /queue answered ${response.status}`);
      return elapsed;
    };
    const pending = async () =>
      Number(
        (await journal.query<{ count: string }>("select count(*) from summary_revisions where provider = 'allo' and target_id = $1 and status = 'pending'", [callId]))
          .rows[0]!.count,
      );

    for (let run = 0; run < 5; run += 1) await queueTime();
    const idle: number[] = [];
    for (let run = 0; run < requests; run += 1) idle.push(await queueTime());

    const base = await direct.read(callId!);
    await emulatorControl.setFaults(["allo.updateSummary:hang,count=1"]);
    const firedAt = performance.now();
    const saving = Promise.all(
      Array.from({ length: saves }, (_, index) =>
        action
          .save({ ...action.recorded, callId: callId!, targetId: callId!, baseContent: base, baseRevision: 0, content: `${base}\n- Reviewer ${index}, behind a hung write.`, intent: "edit" })
          .then(({ result }) => result),
      ),
    );
    // One write is held at Allo and every save is journalled: the other nineteen are waiting for the summary's lock.
    await until(() => emulatorControl.hanging(), (count) => count >= 1, "requests hanging at Allo");
    await until(pending, (count) => count === saves, "saves journalled as pending");
    const waiting: number[] = [];
    for (let run = 0; run < requests; run += 1) waiting.push(await queueTime());
    const measuredWithin = performance.now() - firedAt;
    const stillHanging = await emulatorControl.hanging();
    const stillPending = await pending();

    const results: ActionResult[] = await saving;
    const finishedAfter = performance.now() - firedAt;
    await emulatorControl.setFaults([]);
    const writes = await emulatorControl.writes("allo", callId!);

    const outcomes = new Map<string, number>();
    for (const result of results) {
      const key = result.ok ? `ok (${result.outcome})` : result.error.provider ? `${result.error.code} (${result.error.provider.code})` : result.error.code;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    const valid = stillHanging >= 1 && measuredWithin < providerTimeoutMs;
    const ratio = median(waiting) / median(idle);
    return [
      `  GET /queue as a reviewer, median of ${requests}: idle ${median(idle).toFixed(1)} ms, while ${saves} saves of one summary wait on a hung write ${median(waiting).toFixed(1)} ms, ratio ${ratio.toFixed(2)}× (budget 1.5×)`,
      valid
        ? `  measured ${Math.round(measuredWithin).toLocaleString("en-US")} ms after the saves were sent, inside the ${providerTimeoutMs.toLocaleString("en-US")} ms provider timeout; afterwards still ${stillHanging} hanging at Allo, ${stillPending} saves pending`
        : `  INVALID: the measurement ended ${Math.round(measuredWithin)} ms after the saves were sent with ${stillHanging} requests hanging at Allo (${stillPending} pending); the hung write may have ended while measuring`,
      `  the ${saves} saves finished ${Math.round(finishedAfter).toLocaleString("en-US")} ms after they were sent: ${[...outcomes].map(([key, count]) => `${count} ${key}`).join(", ")}`,
      `  writes that landed on ${callId}: ${writes.length}${writes.length === 1 ? "" : " (expected exactly 1)"}`,
      ...writes.map((write) => `    ${write.at} by ${write.by}: ${JSON.stringify(write.content.split("\n").at(-1))}`),
    ];
  } finally {
    await app?.close();
    await journal.end().catch(() => undefined);
    await emulator.close();
    await dropDatabase();
  }
}
