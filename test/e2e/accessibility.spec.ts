import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { baseUrl, singleTemplateCalls } from "./support";

/** Serious and critical violations on the page as it stands, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("the sign-in page", async ({ page }) => {
  await page.goto(`${baseUrl()}/login`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("signed in", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Email").fill("admin@redline.test");
    await page.getByLabel("Password").fill("redline-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
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

  test("insights and settings", async ({ page }) => {
    await page.goto(`${baseUrl()}/insights`);
    await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${baseUrl()}/settings`);
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
