import type { Page } from "playwright-core";

/**
 * Run in the page before the key press: resolves `window.redlineBenchSaved` with the milliseconds from the
 * Ctrl+S key event to the painted frame whose status line reads "Saved. Revision …", and where the save
 * action's request (the POST to the page's own URL, from Resource Timing) began and ended within that. Plain
 * JavaScript in a string, so nothing the script runner adds to compiled functions is shipped to the page.
 */
const armScript = `
window.redlineBenchSaved = new Promise((resolve, reject) => {
  let pressedAt = null;
  const onKeyDown = (event) => {
    if (!(event.ctrlKey && event.key.toLowerCase() === "s") || pressedAt !== null) return;
    // When the key event was created: this listener runs after the workspace's own.
    const now = performance.now();
    pressedAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
  };
  window.addEventListener("keydown", onKeyDown, { capture: true });
  const saved = () =>
    Array.from(document.querySelectorAll('[role="status"]')).some((element) => (element.textContent || "").startsWith("Saved. Revision"));
  const timeout = setTimeout(() => reject(new Error('no "Saved. Revision" status within 30 s')), 30000);
  const observer = new MutationObserver(() => {
    if (pressedAt === null || !saved()) return;
    const start = pressedAt;
    observer.disconnect();
    window.removeEventListener("keydown", onKeyDown, { capture: true });
    clearTimeout(timeout);
    requestAnimationFrame(() =>
      setTimeout(() => {
        const end = performance.now();
        const request = performance
          .getEntriesByType("resource")
          .filter((entry) => entry.initiatorType === "fetch" && entry.name === location.href && entry.startTime >= start)
          .pop();
        resolve({
          totalMs: end - start,
          beforeRequestMs: request ? request.startTime - start : null,
          requestMs: request ? request.responseEnd - request.startTime : null,
          afterAnswerMs: request ? end - request.responseEnd : null,
        });
      }, 0),
    );
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
});
// The script's value: not the promise, which evaluate would wait for.
undefined;
`;

/** Milliseconds from the key press; the parts are null when the browser recorded no timing for the request. */
export type SaveTiming = { totalMs: number; beforeRequestMs: number | null; requestMs: number | null; afterAnswerMs: number | null };

/**
 * Opens a call's review page, types a line into the summary and presses Ctrl+S: the time from the key
 * press until "Saved. Revision …" is on screen, and how it splits around the save request. Opening and
 * typing are not timed.
 */
export async function ctrlSToSaved(page: Page, appUrl: string, callId: string): Promise<SaveTiming> {
  await page.goto(`${appUrl}/calls/allo/${encodeURIComponent(callId)}`);
  const editor = page.getByRole("textbox", { name: "Summary" });
  await editor.waitFor();
  // The summary check and the claim the page makes on opening are done before the save starts.
  await page.waitForLoadState("networkidle");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\nChecked by the reviewer.");
  const save = await page.getByRole("button", { name: "Save", exact: true }).elementHandle();
  await page.waitForFunction((button) => !(button as HTMLButtonElement).disabled, save);
  await page.evaluate(armScript);
  await page.keyboard.press("Control+s");
  const timing = (await page.evaluate("window.redlineBenchSaved")) as SaveTiming | undefined;
  if (typeof timing?.totalMs !== "number") throw new Error("the page measured no save");
  return timing;
}
