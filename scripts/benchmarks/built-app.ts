import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { demoPassword, seedDemoAccounts } from "@/lib/auth/demo-accounts";
import { openDatabase } from "@/lib/db/open-database";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator/server";
import { emulatorEnv } from "../emulator-env";
import { chromiumLaunchOptions } from "../../test/e2e/chromium";
import { waitForUrl } from "../wait-for-url";

export type BuiltApp = {
  url: string;
  /** The process `next start` was spawned as (the server may run in it or in a child of it). */
  pid: number;
  browser: Browser;
  /** A page of a fresh browser context, signed in through the login form as a demo account. */
  signIn(email: string): Promise<Page>;
  /** The `Cookie` header of a page's context: requests from Node with it are that user's. */
  cookieHeader(page: Page): Promise<string>;
  /**
   * Resolves once every provider's first sync has completed. The first queue visit starts it, and its
   * searches share Allo's write pacing with saves, so nothing is timed while it runs.
   */
  synced(cookie: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * `next start` on the last build, with `env` on top of a production environment, and Chromium to use it.
 * The caller points it at a database and the emulator; an inherited DATABASE_URL is dropped unless given.
 */
export async function startBuiltApp(port: number, env: Record<string, string>): Promise<BuiltApp> {
  const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", AUTH_SECRET: "bench-secret-0123456789abcdef", LOG_LEVEL: "warn", ...env },
  });
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    if (app.exitCode === null) app.kill("SIGTERM");
    await exited;
  };
  try {
    await Promise.race([
      waitForUrl(`${url}/login`),
      exited.then(() => {
        throw new Error(`next start on port ${port} exited before answering`);
      }),
    ]);
    browser = await chromium.launch(chromiumLaunchOptions);
  } catch (error) {
    await close();
    throw error;
  }
  const launched = browser;

  return {
    url,
    pid: app.pid!,
    browser: launched,
    async signIn(email) {
      // Every bench context skips the content security policy: their waits are string predicates, which the
      // policy's script-src (no 'unsafe-eval') refuses. Nothing they time depends on it.
      const page = await (await launched.newContext({ bypassCSP: true })).newPage();
      await page.goto(`${url}/login`);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(demoPassword);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Queue" }).waitFor();
      return page;
    },
    async cookieHeader(page) {
      const cookies = await page.context().cookies(url);
      return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    },
    async synced(cookie) {
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const response = await fetch(`${url}/api/sync`, { headers: { Cookie: cookie } });
        const body = (await response.json()) as { providers?: { provider: string; status: string; errorMessage: string | null }[] };
        if (!response.ok || !body.providers) throw new Error(`GET /api/sync answered ${response.status}`);
        const failed = body.providers.find((state) => state.status === "failed");
        if (failed) throw new Error(`the ${failed.provider} sync failed: ${failed.errorMessage}`);
        if (body.providers.every((state) => state.status === "completed")) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error("the first sync did not complete within 120 s");
    },
    close,
  };
}

export type DemoApp = { app: BuiltApp; emulator: RunningEmulator; close(): Promise<void> };

/**
 * The built app as `npm run demo` runs it: a fresh embedded database holding the demo accounts, against an
 * emulator serving `data`. `close` stops both and removes the database.
 */
export async function startDemoApp(port: number, data: EmulatorOptions): Promise<DemoApp> {
  const emulator = await startEmulator({ port: 0, rateLimits: false, ...data });
  const dataDir = mkdtempSync(path.join(tmpdir(), "redline-bench-"));
  const removeAll = async () => {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const database = await openDatabase({ driver: "pglite", dataDir });
    await seedDemoAccounts(database.db);
    await database.close();
    const app = await startBuiltApp(port, { DATA_DIR: dataDir, ...emulatorEnv(emulator.setup()) });
    return {
      app,
      emulator,
      close: async () => {
        await app.close();
        await removeAll();
      },
    };
  } catch (error) {
    await removeAll();
    throw error;
  }
}

/**
 * For each size: a fresh embedded database that `seed` fills, the built app on it against a small emulator
 * (the providers configured, its calls never synced), and `measure` run with the app. Everything is stopped
 * and removed afterwards, whatever `measure` throws.
 */
export async function forEachSeededApp(
  port: number,
  sizes: readonly number[],
  seed: (dataDir: string, size: number) => Promise<void>,
  measure: (app: BuiltApp, size: number) => Promise<void>,
): Promise<void> {
  const emulator = await startEmulator({ port: 0, calls: 5, seed: 1, now: new Date("2026-11-20T12:00:00Z"), rateLimits: false, providers: ["allo", "openphone"] });
  try {
    for (const size of sizes) {
      const dataDir = mkdtempSync(path.join(tmpdir(), "redline-bench-"));
      try {
        await seed(dataDir, size);
        const app = await startBuiltApp(port, { DATA_DIR: dataDir, ...emulatorEnv(emulator.setup()) });
        try {
          await measure(app, size);
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
}
