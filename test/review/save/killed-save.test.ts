import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Actor } from "@/lib/auth/require-role";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { listRevisions } from "@/lib/db/queries/revisions";
import { sweepUnresolvedSaves } from "@/lib/review/save/reconcile-saves";
import { clearFaults, eventually, setFaults, summaryWrites } from "../../providers/emulator-harness";
import { emulatorAdapter } from "../../support/emulator-adapters";
import { callsByTemplates } from "../../support/emulator-calls";
import { createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers } from "../../support/test-database";

const drivers = await testDrivers();
const data = { calls: 40, seed: 41, now: new Date("2026-11-20T12:00:00Z") };
// The instance is gone: its saves are decided at once, not after the usual wait for a living save.
const afterRestart = { staleAfterMs: 0 };

type Place = { driver: "postgres"; url: string } | { driver: "pglite"; dataDir: string };

function startSaveInChild(
  workDir: string,
  place: Place,
  emulator: RunningEmulator,
  actor: Actor,
  input: { callId: string; baseContent: string; content: string },
): ChildProcess {
  const allo = emulator.setup().providers.allo!;
  const work = path.join(workDir, `save-${input.callId}.json`);
  writeFileSync(work, JSON.stringify({ database: place, allo: { apiKey: allo.apiKey, baseUrl: allo.baseUrl }, actor, input }));
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a process of its own, which
  // a SIGKILL to the command would leave running.
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/support/save-in-child.ts", work], {
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** Resolves once the child reports sending a request with this method (it prints one line per request). */
function sent(child: ChildProcess, method: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split("\n").some((line) => line.startsWith(`${method} `))) resolve();
    });
    child.once("exit", (code) => reject(new Error(`The saving process exited (${code}) before sending a ${method}:\n${output}`)));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

const hanging = async (emulator: RunningEmulator) =>
  ((await (await fetch(`${emulator.url}/__emulator/faults`)).json()) as { hanging: number }).hanging;

describe.each(drivers)("an instance killed in the middle of a save (%s)", (driver) => {
  let emulator: RunningEmulator;
  let dataDir: string;
  const calls = callsByTemplates(data).singleTemplate;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...data, rateLimits: false, providers: ["allo"] });
    dataDir = mkdtempSync(path.join(tmpdir(), "redline-killed-save-"));
  });

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await emulator?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * The database as an instance opens it: on Postgres any time (each opening is closed with the test's
   * database); the embedded one only while no other process has its files.
   */
  async function database(): Promise<{ place: Place; open: () => Promise<Database> }> {
    if (driver === "postgres") {
      const owned = await openTestDatabase("postgres");
      cleanups.push(() => owned.close());
      return { place: { driver, url: owned.url! }, open: async () => ({ ...(await owned.peer()), close: async () => {} }) };
    }
    const dir = mkdtempSync(path.join(dataDir, "instance-"));
    return {
      place: { driver, dataDir: dir },
      open: async () => {
        const opened = await openDatabase({ driver: "pglite", dataDir: dir });
        cleanups.push(() => opened.close().catch(() => undefined));
        return opened;
      },
    };
  }

  it.each([
    { when: "after its write reached the provider", fault: "allo.updateSummary:apply-then-hang", index: 0, landed: true },
    { when: "while re-reading, before any write", fault: "allo.getItem:hang", index: 1, landed: false },
  ])("is decided after a restart $when, and nothing is written twice", async ({ fault, index, landed }) => {
    const callId = calls[index]!;
    const adapter = emulatorAdapter(emulator, "allo");
    const target = { provider: "allo" as const, id: callId, templateKey: null };
    const base = (await adapter.getSummary(target)).content!;
    const content = `${base}\n- typed just before the server died`;
    const { place, open } = await database();
    const setup = await open();
    const actor = await createActor(setup, "reviewer", "Riley Reviewer");
    await setup.close();

    await setFaults(emulator, `${fault},count=1`);
    const child = startSaveInChild(dataDir, place, emulator, actor, { callId, baseContent: base, content });
    try {
      // The save is inside its provider call: the write landed and its answer never comes, or the re-read hangs.
      await sent(child, landed ? "PATCH" : "GET");
      if (landed) await eventually(() => summaryWrites(emulator, { provider: "allo", target: callId }), (writes) => writes.length === 1, 20_000);
      else await eventually(() => hanging(emulator), (count) => count >= 1, 20_000);
    } finally {
      await kill(child);
      await clearFaults(emulator);
    }

    const restarted = await open();
    const rows = () => listRevisions(restarted.db, { provider: "allo", targetId: callId });
    expect((await rows()).filter((row) => row.status !== "observed")).toEqual([expect.objectContaining({ status: "pending", content })]);

    // The sweep every instance runs. On Postgres the dead session's lock is freed as soon as the server sees
    // the connection close: until then the sweep leaves the target alone, and the next sweep decides it.
    await eventually(
      async () => {
        await sweepUnresolvedSaves(restarted, () => adapter, afterRestart);
        return (await rows()).find((row) => row.content === content)!.status;
      },
      (status) => status !== "pending",
      20_000,
    );

    expect((await rows()).filter((row) => row.status !== "observed")).toEqual([
      expect.objectContaining(landed ? { status: "applied", content, revision: 1 } : { status: "failed", content, errorCode: "NOT_APPLIED" }),
    ]);
    expect((await adapter.getSummary(target)).content).toBe(landed ? content : base);
    expect(await summaryWrites(emulator, { provider: "allo", target: callId })).toHaveLength(landed ? 1 : 0);
  });
});
