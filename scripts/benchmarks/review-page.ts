import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { demoPassword, seedDemoAccounts } from "@/lib/auth/demo-accounts";
import { openDatabase } from "@/lib/db/open-database";
import { generateFixture } from "../../emulator/data/generate";
import { startEmulator } from "../../emulator/server";
import { chromiumLaunchOptions } from "../../test/e2e/chromium";
import { emulatorEnv } from "../emulator-env";
import { waitForUrl } from "../wait-for-url";
import { median } from "./median";

const data = { calls: 60, seed: 42, now: new Date("2026-11-20T12:00:00Z"), providers: ["allo" as const] };
const port = 3917;

/** Milliseconds from navigation to the first transcript turn and the editor on screen. */
async function openTime(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.getByLabel("Transcript turns").getByRole("listitem").first().waitFor();
  await page.getByRole("textbox", { name: "Summary" }).waitFor();
  return performance.now() - started;
}

/** Milliseconds per keystroke typed into a text box, each awaited until the browser has painted it. */
async function keystrokeTime(page: Page, selector: string): Promise<number> {
  await page.locator(selector).first().click();
  await page.keyboard.press("End");
  return page.evaluate(async () => {
    const times: number[] = [];
    for (let index = 0; index < 25; index += 1) {
      const target = document.activeElement as HTMLTextAreaElement;
      const started = performance.now();
      target.setRangeText("x", target.selectionStart, target.selectionEnd, "end");
      target.dispatchEvent(new InputEvent("input", { bubbles: true, data: "x", inputType: "insertText" }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  });
}

/**
 * The review page in the built app (DESIGN §7): a transcript of thousands of turns against a short one,
 * and typing into a summary near 100,000 characters against a bare textarea.
 */
export async function benchReviewPage(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const calls = generateFixture(data).allo!.items.flatMap((item) => (item.type === "CALL" && item.summaries.length === 1 ? [item] : []));
  const turnsOf = (item: (typeof calls)[number]) =>
    "recipe" in item.transcript ? item.transcript.recipe.turns : item.transcript.turns.length;
  const long = [...calls].sort((a, b) => turnsOf(b) - turnsOf(a))[0]!;
  const short = calls.find((item) => Math.abs(turnsOf(item) - 30) <= 6) ?? calls[0]!;

  const emulator = await startEmulator({ port: 0, ...data, rateLimits: false });
  const dataDir = mkdtempSync(path.join(tmpdir(), "redline-bench-"));
  const database = await openDatabase({ driver: "pglite", dataDir });
  await seedDemoAccounts(database.db);
  await database.close();
  const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, AUTH_SECRET: "bench-secret-0123456789abcdef", LOG_LEVEL: "warn", ...emulatorEnv(emulator.setup()) },
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForUrl(`${base}/login`);
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill("viewer@redline.test");
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Queue" }).waitFor();

    const shortTimes: number[] = [];
    const longTimes: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      shortTimes.push(await openTime(page, `${base}/calls/allo/${short.id}`));
      longTimes.push(await openTime(page, `${base}/calls/allo/${long.id}`));
    }
    const lines = [
      `open a ${turnsOf(long).toLocaleString("en-US")}-turn call: ${median(longTimes).toFixed(0)} ms, a ${turnsOf(short)}-turn call: ${median(shortTimes).toFixed(0)} ms, ratio ${(median(longTimes) / median(shortTimes)).toFixed(2)}× (budget 1.5×)`,
    ];

    // Typing needs an editable page: sign in as a reviewer, open the longest summary.
    const reviewer = await browser.newPage();
    await reviewer.goto(`${base}/login`);
    await reviewer.getByLabel("Email").fill("reviewer@redline.test");
    await reviewer.getByLabel("Password").fill(demoPassword);
    await reviewer.getByRole("button", { name: "Sign in" }).click();
    await reviewer.getByRole("heading", { name: "Queue" }).waitFor();
    const longest = [...calls].sort((a, b) => b.summaries[0]!.content.length - a.summaries[0]!.content.length)[0]!;
    await reviewer.goto(`${base}/calls/allo/${longest.id}`);
    const editor = reviewer.getByRole("textbox", { name: "Summary" });
    await editor.waitFor();
    const length = (await editor.inputValue()).length;
    const editorMs = await keystrokeTime(reviewer, 'textarea[aria-label="Summary"]');
    await reviewer.evaluate((text) => {
      const bare = document.createElement("textarea");
      bare.id = "bare-textarea";
      bare.value = text;
      document.body.prepend(bare);
    }, await editor.inputValue());
    const bareMs = await keystrokeTime(reviewer, "#bare-textarea");
    lines.push(
      `typing in a ${length.toLocaleString("en-US")}-character summary: ${editorMs.toFixed(1)} ms a keystroke, a bare textarea ${bareMs.toFixed(1)} ms, ratio ${(editorMs / bareMs).toFixed(2)}× (budget 2×)`,
    );
    return lines;
  } finally {
    await browser.close();
    app.kill("SIGTERM");
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
