import { expect, test, type Page } from "@playwright/test";
import { baseUrl, signedInPage } from "./support";
import { ssoAccounts, ssoName } from "./sso-accounts";

/** From Redline's login page through the issuer's sign-in form, as the person with this subject. */
async function signInAtIssuer(page: Page, sub: string) {
  await page.goto(`${baseUrl()}/queue`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("button", { name: `Sign in with ${ssoName}` }).click();
  // The issuer's development sign-in form: the login is the account's subject, any password.
  await page.getByPlaceholder("Enter any login").fill(sub);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("a new person signs in with single sign-on and gets the role their identity provider names", async ({ page }) => {
  const { newLead } = ssoAccounts;
  await signInAtIssuer(page, newLead.sub);
  await expect(page).toHaveURL(/\/queue/);
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  const banner = page.getByRole("banner");
  await expect(banner.getByText(newLead.name)).toBeVisible();
  await expect(banner.getByText("Lead", { exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" })).toBeVisible();

  // Signed out of Redline but still signed in at the issuer: the button leads straight back, to the same account.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("button", { name: `Sign in with ${ssoName}` }).click();
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  await expect(page.getByRole("banner").getByText(newLead.name)).toBeVisible();
});

test("a deactivated account is refused with a message", async ({ page }) => {
  await signInAtIssuer(page, ssoAccounts.deactivated.sub);
  await expect(page).toHaveURL(/\/login\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "This account has been deactivated." })).toBeVisible();
  await expect(page.getByRole("button", { name: `Sign in with ${ssoName}` })).toBeVisible();
});

test("an admin can require single sign-on: the login page then offers no password", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@redline.test");
  await admin.goto(`${baseUrl()}/settings`);
  const section = admin.getByRole("region", { name: "Single sign-on" });
  await expect(section.getByText("Configured")).toBeVisible();
  const requirement = section.getByRole("checkbox", { name: "Require single sign-on for everyone" });

  await requirement.check();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("status")).toHaveText(`Saved: everyone signs in with ${ssoName}.`);
  try {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${baseUrl()}/login`);
    await expect(visitor.getByText(`Your team signs in with ${ssoName}.`)).toBeVisible();
    await expect(visitor.getByRole("button", { name: `Sign in with ${ssoName}` })).toBeVisible();
    await expect(visitor.getByLabel("Password")).toHaveCount(0);
    await visitor.context().close();
  } finally {
    // The other specs sign in with passwords.
    await requirement.uncheck();
    await section.getByRole("button", { name: "Save" }).click();
    await expect(section.getByRole("status")).toHaveText("Saved: password sign-in is allowed.");
  }
  await admin.context().close();
});
