import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { baseUrl, openCall, patchAsColleague, singleTemplateCalls } from "./support";

/** A summary of `count` numbered lines, so a merge has lines without conflict around its changes. */
const numberedLines = (count: number) => Array.from({ length: count }, (_, index) => `- Point ${index + 1} of the call.`);

/**
 * Opens a call whose summary is `base`, then has a colleague save `theirs` in Allo while it is open: where each
 * conflict-screen test starts.
 */
async function openWithColleagueEdit(page: Page, callId: string, base: string[], theirs: string[]) {
  await patchAsColleague(callId, base.join("\n"));
  await openCall(page, callId);
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue(base.join("\n"));
  await patchAsColleague(callId, theirs.join("\n"));
}

/** Serious and critical violations on the page as it stands, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("the sign-in page", async ({ page }) => {
  await page.goto(`${baseUrl()}/login`);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("signed in", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Email").fill("admin@redline.test");
    await page.getByLabel("Password").fill("redline-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  });

  test("the queue", async ({ page }) => {
    await expect(page.getByRole("table").getByRole("link").first()).toBeVisible({ timeout: 45_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const provider of ["allo", "openphone", "bland", "twilio"]) {
    test(`a ${provider} call, with its history`, async ({ page }) => {
      await page.goto(`${baseUrl()}/queue?provider=${provider}`);
      const first = page.getByRole("table").getByRole("link").first();
      await expect(first).toBeVisible({ timeout: 45_000 });
      await first.click();
      await expect(page.getByRole("textbox", { name: "Summary" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "History" }).click();
      await expect(page.getByRole("dialog", { name: "Summary history" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("an Allo call with its preview shown", async ({ page }) => {
    await page.goto(`${baseUrl()}/calls/allo/${singleTemplateCalls()[2]!.id}`);
    await expect(page.getByRole("textbox", { name: "Summary" })).toBeVisible();
    await expect(page.locator(".wmde-markdown").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test.describe("the conflict screen", () => {
    // Tall enough for the whole dialog: axe cannot judge the contrast of text scrolled out of the dialog's view.
    test.use({ viewport: { width: 1280, height: 2400 } });

    test("changes that overlap: the resolver, its folds and a merged result edited by hand", async ({ page }) => {
      const callId = singleTemplateCalls()[9]!.id;
      const base = numberedLines(10);
      // Both change the first line and the last; the lines between are the same on both sides.
      await openWithColleagueEdit(page, callId, base, ["- Point 1, as the colleague heard it.", ...base.slice(1, -1), "- The colleague's closing line."]);
      await page.getByRole("textbox", { name: "Summary" }).fill(["- Point 1, as the reviewer heard it.", ...base.slice(1, -1), "- The reviewer's closing line."].join("\n"));
      await page.keyboard.press("Control+s");

      const dialog = page.getByRole("dialog", { name: "This summary changed while you were editing" });
      await expect(dialog.getByRole("group", { name: "Conflict 2 of 2" })).toBeVisible();
      // Folded parts too: the lines without conflict and the lines before either change.
      const folds = dialog.locator("details");
      for (const fold of await folds.all()) await fold.locator("summary").click();
      await expect(dialog.locator("details:not([open])")).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);

      // A choice, then an edit by hand to the merged result, which offers to recompose it.
      await dialog.getByRole("group", { name: "Conflict 1 of 2" }).getByRole("radio", { name: "Keep theirs" }).check();
      await dialog.getByRole("textbox", { name: "Merged result" }).fill("- Written by hand.");
      await expect(dialog.getByRole("button", { name: "Recompose from choices" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("changes that fit together: the merge preview and its diff, unfolded", async ({ page }) => {
      const callId = singleTemplateCalls()[10]!.id;
      const base = numberedLines(12);
      await openWithColleagueEdit(page, callId, base, [...base, "- The colleague's closing line."]);
      await page.getByRole("textbox", { name: "Summary" }).fill(["- The reviewer's opening line.", ...base].join("\n"));
      await page.keyboard.press("Control+s");

      const dialog = page.getByRole("dialog", { name: "This summary changed while you were editing" });
      await expect(dialog.getByRole("table", { name: /^Changes from .* to the merged text/ })).toBeVisible();
      await expect(dialog.getByRole("region", { name: "Merged text" })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      // The unchanged lines folded out of the diff, shown.
      await dialog.getByRole("button", { name: /^Show \d+ unchanged lines$/ }).click();
      await expect(dialog.getByRole("button", { name: /unchanged lines/ })).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("a change made meanwhile: the banner before saving, and what changed", async ({ page }) => {
      const callId = singleTemplateCalls()[11]!.id;
      const base = numberedLines(6);
      // The colleague drops a line and adds one, so the diff shows both kinds.
      await openWithColleagueEdit(page, callId, base, [base[0]!, ...base.slice(2), "- The colleague's closing line."]);
      await page.getByRole("textbox", { name: "Summary" }).fill(["- The reviewer's opening line.", ...base].join("\n"));
      // The workspace re-checks the summary while it is open; a focus makes it look at once.
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      const banner = page.getByRole("status").filter({ hasText: "Changed in Allo by someone outside Redline" });
      await expect(banner).toBeVisible({ timeout: 25_000 });
      expect(await seriousViolations(page)).toEqual([]);

      await banner.getByRole("button", { name: "View changes" }).click();
      const changes = page.getByRole("dialog", { name: "What changed since you opened it" });
      await expect(changes.getByRole("table", { name: /^Changes from When you opened it to Now/ })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  test("insights and settings", async ({ page }) => {
    await page.goto(`${baseUrl()}/insights`);
    await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl()}/settings`);
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("accounts, with the deactivation dialog open, and security events", async ({ page }) => {
    await page.goto(`${baseUrl()}/settings/accounts`);
    await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Deactivate Val Viewer" }).click();
    await expect(page.getByRole("dialog", { name: "Deactivate Val Viewer?" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await page.goto(`${baseUrl()}/settings/security`);
    await expect(page.getByRole("heading", { name: "Security events" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test("setting a password from a link, and a link that cannot be used", async ({ page }) => {
  await page.goto(`${baseUrl()}/password/not-a-link-anyone-made-000000000000`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Ask an admin of your team for a new link");
  expect(await seriousViolations(page)).toEqual([]);
});
