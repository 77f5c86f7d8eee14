import { existsSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { alloKeyFor } from "../../emulator/allo/keys";
import { generateFixture } from "../../emulator/data/generate";
import { startDemoApp } from "./built-app";
import { median } from "./median";

// At 300 calls, seed 19 holds a 2,997-turn call with a summary of usual length (marathon calls run 2,001 to
// 3,500 turns; this is the one nearest 3,000 whose summary is not huge, so against a 30-turn call only the
// transcript differs) and a 2,796-turn one whose summary is near Allo's 100,000-character limit, for typing.
const data = { calls: 300, seed: 19, now: new Date("2026-11-20T12:00:00Z"), providers: ["allo" as const] };
const port = 3951;
const runs = 9;
const settleMs = 400;
const reviewer = "reviewer@redline.test";

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`.padStart(9);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (subject: number, floor: number) => `${(subject / floor).toFixed(2)}×`;

/** The text boxes typed into and the first transcript turn, as CSS selectors. */
const emailField = "#email";
const summaryField = 'textarea[aria-label="Summary"]';
const firstTurn = '[aria-label="Transcript turns"] li';

/**
 * Checked in the page on every animation frame: each selector matches an element with a box on screen, and
 * `field` is neither disabled nor read-only; then the page's clock. Playwright's own waits poll ever more
 * slowly (every 500 ms after the first few tries), which would add up to half a second to a timing at random.
 */
const shownAt = (field: string, others: readonly string[]) => `(() => {
  const shown = (element) => element !== null && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  const field = document.querySelector(${JSON.stringify(field)});
  const ready = shown(field) && !field.disabled && !field.readOnly && ${JSON.stringify(others)}.every((selector) => shown(document.querySelector(selector)));
  return ready && performance.now();
})()`;

/**
 * Types a character into `field` as a keyboard does and checks that its value changed. Returns a step that
 * deletes it again, so the summary is never left dirty (a dirty workspace keeps a draft and asks before the
 * next navigation).
 */
async function checkTyping(page: Page, field: string): Promise<() => Promise<void>> {
  const box = page.locator(field);
  const before = await box.inputValue();
  await box.pressSequentially("x");
  if ((await box.inputValue()) === before) throw new Error("a character typed into the field did not change its value");
  return () => box.press("Backspace");
}

/** How long a page took to be ready, and when (from navigation start) its HTML and its load event came. */
type Opened = { ms: number; htmlMs: number; loadMs: number };

/**
 * Milliseconds, on the page's own clock, from the start of the navigation `go` makes (or from its click, with
 * `from: "click"`) to the first frame where `field` is on screen and enabled with `others` shown, and where the
 * load event has fired too with `load`. A character typed into `field` just after must change its value: that
 * check is not timed, as its Playwright round trips would add the same tens of milliseconds to every figure.
 * Each run starts after a pause, so the last run's trailing requests and rendering do not land in this one.
 */
async function timeToTyping(
  page: Page,
  go: () => Promise<unknown>,
  field: string,
  { others = [], from = "navigation", load = false }: { others?: readonly string[]; from?: "navigation" | "click"; load?: boolean } = {},
): Promise<Opened> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  if (from === "click") {
    await page.evaluate(`addEventListener("click", (event) => { window.redlineBenchClickAt = event.timeStamp; }, { capture: true, once: true })`);
  }
  await go();
  const fieldAt = (await (await page.waitForFunction(shownAt(field, others), undefined, { polling: "raf" })).jsonValue()) as number;
  if (load) await page.waitForFunction(`performance.getEntriesByType("navigation")[0].loadEventEnd > 0`, undefined, { polling: "raf" });
  const [htmlMs, loadMs, clickAt] = (await page.evaluate(
    `(() => { const entry = performance.getEntriesByType("navigation")[0]; return [entry.responseEnd, entry.loadEventEnd, window.redlineBenchClickAt ?? 0]; })()`,
  )) as [number, number, number];
  const undo = await checkTyping(page, field);
  await undo();
  const readyAt = load ? Math.max(fieldAt, loadMs) : fieldAt;
  return { ms: readyAt - (from === "click" ? clickAt : 0), htmlMs, loadMs };
}

/**
 * Encoded (as transferred) and decoded body bytes of the Resource Timing entries `entries` (an expression
 * evaluated in the page) selects. Read from the browser: Playwright reports a router fetch the app ends
 * itself as aborted, with no size.
 */
async function transferred(page: Page, entries: string): Promise<{ encoded: number; decoded: number }> {
  return page.evaluate(
    `${entries}.reduce((sum, entry) => ({ encoded: sum.encoded + entry.encodedBodySize, decoded: sum.decoded + entry.decodedBodySize }), { encoded: 0, decoded: 0 })`,
  );
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
 * The review page in the built app, in Chromium, as a reviewer (DESIGN §7): opening a call until the editor
 * takes typing against loading /login; a transcript near 3,000 turns against one of 30, loaded and reached by
 * a link in the app; typing into a summary near 100,000 characters against a bare textarea.
 */
export async function benchReviewPage(): Promise<string[]> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return ["no build found: run `npm run build` first"];
  const calls = generateFixture(data).allo!.items.flatMap((item) => (item.type === "CALL" && item.summaries.length === 1 ? [item] : []));
  const turnsOf = (item: (typeof calls)[number]) => ("recipe" in item.transcript ? item.transcript.recipe.turns : item.transcript.turns.length);
  const summaryLength = (item: (typeof calls)[number]) => item.summaries[0]!.content.length;
  const closest = <T>(items: readonly T[], distance: (item: T) => number) => [...items].sort((a, b) => distance(a) - distance(b))[0]!;
  const long = closest(
    calls.filter((item) => summaryLength(item) < 2_000),
    (item) => Math.abs(turnsOf(item) - 3_000),
  );
  // A short call whose summary is about as long as the long call's, so the two differ in the transcript only.
  const short = closest(calls, (item) => Math.abs(turnsOf(item) - 30) * 10_000 + Math.abs(summaryLength(item) - summaryLength(long)));
  const longest = closest(calls, (item) => -summaryLength(item));

  const { app, emulator, close } = await startDemoApp(port, data);
  try {
    const signedIn = await app.signIn(reviewer);
    // The queue links below need the calls indexed.
    await app.synced(await app.cookieHeader(signedIn));
    const session = await signedIn.context().storageState();
    const callUrl = (item: (typeof calls)[number]) => `${app.url}/calls/allo/${encodeURIComponent(item.id)}`;
    const loginUrl = `${app.url}/login`;
    // A signed-in visit to /login is sent on to the queue: the floor is loaded signed out.
    const loadLogin = (page: Page, go: () => Promise<unknown>) => timeToTyping(page, go, emailField, { load: true });
    const lines: string[] = [];

    // 1. Opening a call until the editor takes typing, against /login loaded, cold and warm; a first round untimed.
    const cold = { login: [] as Opened[], call: [] as Opened[] };
    for (let run = -1; run < runs; run += 1) {
      const out = await app.browser.newContext({ bypassCSP: true });
      const outPage = await out.newPage();
      const login = await loadLogin(outPage, () => outPage.goto(loginUrl, { waitUntil: "commit" }));
      await out.close();
      const inside = await app.browser.newContext({ storageState: session, bypassCSP: true });
      const page = await inside.newPage();
      const call = await timeToTyping(page, () => page.goto(callUrl(short), { waitUntil: "commit" }), summaryField);
      await inside.close();
      if (run < 0) continue;
      cold.login.push(login);
      cold.call.push(call);
    }
    const warm = { login: [] as Opened[], call: [] as Opened[] };
    const outPage = await (await app.browser.newContext({ bypassCSP: true })).newPage();
    await outPage.goto(loginUrl);
    const callPage = await (await app.browser.newContext({ storageState: session, bypassCSP: true })).newPage();
    await timeToTyping(callPage, () => callPage.goto(callUrl(short), { waitUntil: "commit" }), summaryField);
    for (let run = 0; run < runs; run += 1) {
      warm.login.push(await loadLogin(outPage, () => outPage.reload({ waitUntil: "commit" })));
      warm.call.push(await timeToTyping(callPage, () => callPage.reload({ waitUntil: "commit" }), summaryField));
    }
    await outPage.context().close();
    const of = (samples: readonly Opened[], key: keyof Opened) => median(samples.map((sample) => sample[key]));
    const row = (label: string, samples: { login: Opened[]; call: Opened[] }) => [
      `    ${label.padEnd(40)}/login ${ms(of(samples.login, "ms"))}   call ${ms(of(samples.call, "ms"))}   ${ratio(of(samples.call, "ms"), of(samples.login, "ms"))} (budget 2×)`,
      `      in the browser, from navigation start: HTML received /login ${ms(of(samples.login, "htmlMs"))}, call ${ms(of(samples.call, "htmlMs"))}; load event /login ${ms(of(samples.login, "loadMs"))}, call ${ms(of(samples.call, "loadMs"))}`,
    ];
    lines.push(
      `  a ${turnsOf(short)}-turn call opened until its editor takes typing, against /login loaded (its load event, and the Email field takes typing); medians of ${runs}`,
      ...row("cold (a fresh browser context each run)", cold),
      ...row("warm (the same context, reloaded)", warm),
    );

    // 2. The long transcript against the short one, loaded in a warm context and reached by a link in the app.
    const page = callPage;
    const open = { short: [] as number[], long: [] as number[] };
    const navigate = { short: [] as number[], long: [] as number[] };
    const documentBytes = { short: { encoded: 0, decoded: 0 }, long: { encoded: 0, decoded: 0 } };
    const rscBytes = { short: { encoded: 0, decoded: 0 }, long: { encoded: 0, decoded: 0 } };
    const load = async (which: "short" | "long") => {
      const item = which === "short" ? short : long;
      const { ms: elapsed } = await timeToTyping(page, () => page.goto(callUrl(item), { waitUntil: "commit" }), summaryField, { others: [firstTurn] });
      documentBytes[which] = await transferred(page, `performance.getEntriesByType("navigation")`);
      return elapsed;
    };
    // A queue filtered by the call's id lists its row; the link is clicked once the page has hydrated (a
    // click before that would load the whole page); the pause before each timed run lets its prefetch finish.
    const reach = async (which: "short" | "long") => {
      const item = which === "short" ? short : long;
      await page.goto(`${app.url}/queue?q=${encodeURIComponent(item.id)}`);
      const selector = `a[href="/calls/allo/${encodeURIComponent(item.id)}"]`;
      await page.waitForFunction(
        `(() => { const link = document.querySelector(${JSON.stringify(selector)}); return link !== null && Object.keys(link).some((key) => key.startsWith("__reactProps$")); })()`,
      );
      await page.evaluate("window.redlineBenchStayed = true");
      const { ms: elapsed } = await timeToTyping(page, () => page.locator(selector).click(), summaryField, { others: [firstTurn], from: "click" });
      if ((await page.evaluate("window.redlineBenchStayed")) !== true) throw new Error("the queue link loaded a new document");
      rscBytes[which] = await transferred(page, `performance.getEntriesByType("resource").filter((entry) => entry.startTime >= window.redlineBenchClickAt && new URL(entry.name).pathname === ${JSON.stringify(new URL(callUrl(item)).pathname)})`);
      return elapsed;
    };
    await load("long");
    await reach("long");
    await reach("short");
    for (let run = 0; run < runs; run += 1) {
      // Alternated, so drift falls on both alike.
      open.short.push(await load("short"));
      open.long.push(await load("long"));
      navigate.long.push(await reach("long"));
      navigate.short.push(await reach("short"));
    }
    const turns = { short: turnsOf(short), long: turnsOf(long).toLocaleString("en-US") };
    const bytes = (size: { encoded: number; decoded: number }) => `${kb(size.encoded)} (${kb(size.decoded)} decoded)`;
    lines.push(
      `  a ${turns.long}-turn call against a ${turns.short}-turn one (summaries of ${summaryLength(long)} and ${summaryLength(short)} characters), until the first turn shows and the editor takes typing; medians of ${runs}`,
      `    loaded (warm context, address bar)              ${turns.short}-turn ${ms(median(open.short))}   ${turns.long}-turn ${ms(median(open.long))}   ${ratio(median(open.long), median(open.short))} (budget 1.3×)`,
      `    in-app navigation (the link in the queue's row)  ${turns.short}-turn ${ms(median(navigate.short))}   ${turns.long}-turn ${ms(median(navigate.long))}   ${ratio(median(navigate.long), median(navigate.short))} (budget 1.3×)`,
      `    the page's HTML as transferred: ${turns.short}-turn ${bytes(documentBytes.short)}, ${turns.long}-turn ${bytes(documentBytes.long)}`,
      `    its RSC payload on in-app navigation: ${turns.short}-turn ${bytes(rscBytes.short)}, ${turns.long}-turn ${bytes(rscBytes.long)}`,
    );

    // 3. Typing into the longest summary against a bare textarea holding the same text. A colleague first adds
    // facts the call does not hold, so the checks have flags to mark while every keystroke re-checks.
    const wrong = "\n- Refund of $9,876.00 on invoice INV-99999 by Friday, March 13; call 555-010-9999 or write to nobody@example.com.";
    const patched = await fetch(`${emulator.url}/v2/api/conversations/items/${encodeURIComponent(longest.id)}/summary`, {
      method: "PATCH",
      headers: { Authorization: `Api-Key ${alloKeyFor("colleague")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ content: `${longest.summaries[0]!.content}${wrong}` }),
    });
    if (!patched.ok) throw new Error(`the summary with wrong facts was not written: ${patched.status}`);
    await page.goto(callUrl(longest));
    const editor = page.locator(summaryField);
    await editor.waitFor();
    const length = (await editor.inputValue()).length;
    // With the evidence checks on: typed only once the first check of the summary has reported, so every
    // keystroke below also sets off a re-check in the worker and re-marks the flagged facts.
    await page.waitForFunction(() => {
      const status = document.querySelector(".evidence-panel [role=status]")?.textContent ?? "";
      return status !== "" && !status.startsWith("Checking");
    });
    const flags = await page.locator(".evidence-panel .evidence-item.flag").count();
    const editorMs = await keystrokeTime(page, summaryField);
    await page.evaluate((text) => {
      const bare = document.createElement("textarea");
      bare.id = "bare-textarea";
      bare.value = text;
      document.body.prepend(bare);
    }, await editor.inputValue());
    const bareMs = await keystrokeTime(page, "#bare-textarea");
    lines.push(
      `  typing in a ${length.toLocaleString("en-US")}-character summary with the evidence checks on (${flags} facts flagged): ${editorMs.toFixed(1)} ms a keystroke, a bare textarea ${bareMs.toFixed(1)} ms, ${ratio(editorMs, bareMs)} (budget 2×)`,
    );
    return lines;
  } finally {
    await close();
  }
}
