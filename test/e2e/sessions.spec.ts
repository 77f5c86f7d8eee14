import { expect, test } from "@playwright/test";
import { baseUrl, signIn } from "./support";

test("signing out ends the session for every copy of its cookie", async ({ page, browser }) => {
  await signIn(page, "reviewer2@redline.test");
  const copied = await page.context().cookies();
  expect(copied.some((cookie) => cookie.name.includes("session-token"))).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the sign-out gets nothing with it: not the queue, not the API.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto(`${baseUrl()}/queue`);
  await expect(stolen).toHaveURL(/\/login/);
  await expect(stolen.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  const api = await stolen.request.get(`${baseUrl()}/api/sync`);
  expect(api.status()).toBe(401);
  await thief.close();

  // Signing in again starts a new session that works.
  await signIn(page, "reviewer2@redline.test");
});
