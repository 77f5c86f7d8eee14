import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { alloKeyFor } from "@/emulator/allo/keys";
import { fixtureJsonSchema } from "@/emulator/data/fixture-json-schema";
import { generateFixture } from "@/emulator/data/generate";
import { readFixtureFile } from "@/emulator/data/load-fixture";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const directory = mkdtempSync(path.join(tmpdir(), "redline-cli-"));

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

function runCli(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, EMULATOR_PORT: "" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) resolve(match);
      };
      child.stdout.on("data", check);
      child.on("exit", () => reject(new Error(`Exited before printing ${pattern}:\n${output}`)));
      check();
    });
  return { child, exited, printed, output: () => output };
}

describe("npm run emulator", () => {
  it("prints its URL and keys, serves, and stops cleanly on SIGTERM", async () => {
    const cli = runCli(["--port", "0", "--calls", "30", "--seed", "5", "--no-rate-limit"]);
    const [, url] = await cli.printed(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    await cli.printed(/ak_live_revoked_0000000000000005/);
    expect(cli.output()).toContain("ak_live_redline_0000000000000001");

    const health = await fetch(`${url}/__emulator/health`);
    expect(await health.json()).toMatchObject({ ok: true, calls: 30 });

    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });

  it("serves a fixture file with the providers and faults asked for", async () => {
    const fixture = generateFixture({ seed: 2, calls: 5, now: new Date("2026-05-12T15:00:00Z") });
    const file = path.join(directory, "cli-fixture.json");
    writeFileSync(file, JSON.stringify(fixture));
    const cli = runCli(["--port", "0", "--fixtures", file, "--providers", "allo,bland", "--fault", "allo.getItem:status=503,count=1"]);
    const [, url] = await cli.printed(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    await cli.printed(/sk-otherorg/);
    expect(cli.output()).not.toContain("quo_redline");

    const health = (await (await fetch(`${url}/__emulator/health`)).json()) as { providers: string[]; calls: number | null };
    expect(health).toMatchObject({ providers: ["allo", "bland"], calls: null });
    const id = fixture.allo!.items[0]!.id;
    const get = () => fetch(`${url}/v2/api/conversations/items/${id}`, { headers: { Authorization: `Api-Key ${alloKeyFor("redline")}` } });
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);

    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });

  it("prints the fixture JSON Schema", async () => {
    const cli = runCli(["--print-schema"]);
    expect(await cli.exited).toBe(0);
    expect(JSON.parse(cli.output())).toEqual(fixtureJsonSchema());
  });

  it("exits naming the failing path of a bad fixture, or the fault it cannot read", async () => {
    const file = path.join(directory, "cli-bad.json");
    writeFileSync(file, JSON.stringify({ format: "redline-emulator/fixture", version: 2, twilio: { accountSid: "AC1", stores: [] } }));
    const bad = runCli(["--port", "0", "--fixtures", file]);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain("twilio.accountSid");
    expect(bad.output()).toContain("twilio.stores");

    const fault = runCli(["--port", "0", "--calls", "5", "--fault", "allo.getItem:status=418"]);
    expect(await fault.exited).toBe(1);
    expect(fault.output()).toContain("allo.getItem:status=418");
  });

  it("exits with a message on invalid options", async () => {
    const cli = runCli(["--calls", "lots"]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain("--calls");
  });

  it("refuses a non-loopback host without --allow-remote", async () => {
    const cli = runCli(["--port", "0", "--host", "0.0.0.0"]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain("--allow-remote");
  });

  it("writes a fixture with known errors and its truth with --errors and --truth", async () => {
    const file = path.join(directory, "truth.json");
    const { exited, output } = runCli(["--calls", "20", "--seed", "5", "--errors", "0.5", "--truth", "--write-fixture", file]);
    expect(await exited).toBe(0);
    expect(output()).toContain("errors in 0.5 of summaries, with the truth");
    const fixture = readFixtureFile(file);
    expect(Object.keys(fixture.truth!).sort()).toEqual(["allo", "bland", "openphone", "twilio"]);
    expect(Object.values(fixture.truth!.twilio!).some((truth) => truth.errors.length > 0)).toBe(true);
  });

  it("refuses an error rate outside 0..1", async () => {
    const { exited, output } = runCli(["--errors", "1.5", "--write-fixture", path.join(directory, "bad.json")]);
    expect(await exited).toBe(1);
    expect(output()).toContain("--errors");
  });
});
