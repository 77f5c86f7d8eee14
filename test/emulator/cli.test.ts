import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

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
});
