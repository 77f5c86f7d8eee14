import { expect, test } from "@playwright/test";
import { baseUrl, signedInPage } from "./support";

test("an admin invites someone, who sets a password and signs in; deactivating them ends their session at once", async ({ browser }) => {
  const email = `casey.${Date.now().toString(36)}@redline.test`;
  const admin = await signedInPage(browser, "admin@redline.test");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Accounts" }).click();
  await expect(admin.getByRole("heading", { name: "Accounts" })).toBeVisible();

  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Name").fill("Casey Newhire");
  await admin.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await admin.getByRole("button", { name: "Invite" }).click();
  const dialog = admin.getByRole("dialog", { name: "Invitation link" });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel("One-time link").inputValue();
  expect(link).toMatch(/\/password\/[\w-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Casey Newhire is invited as Reviewer." })).toBeVisible();
  await expect(admin.getByRole("row", { name: /Casey Newhire/ })).toContainText("Invited");

  // The invited person, in their own browser, with no session.
  const casey = await (await browser.newContext()).newPage();
  await casey.goto(link);
  await expect(casey.getByText(`Choose a password for ${email}`)).toBeVisible();
  await casey.getByLabel("New password", { exact: true }).fill("password12345678");
  await casey.getByLabel("Repeat the new password").fill("password12345678");
  await casey.getByRole("button", { name: "Set password" }).click();
  await expect(casey.getByRole("main").getByRole("alert")).toContainText("too easy to guess");
  await casey.getByLabel("New password", { exact: true }).fill("lanterns drift over quiet harbours");
  await casey.getByLabel("Repeat the new password").fill("lanterns drift over quiet harbours");
  await casey.getByRole("button", { name: "Set password" }).click();
  await expect(casey.getByRole("status").filter({ hasText: "Your password is set" })).toBeVisible();
  await expect(casey.getByLabel("Email")).toHaveValue(email);
  await casey.getByLabel("Password").fill("lanterns drift over quiet harbours");
  await casey.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(casey.getByRole("heading", { name: "Queue" })).toBeVisible();
  await expect(casey.getByRole("banner")).toContainText("Casey Newhire");

  // The link is spent.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("main").getByRole("alert")).toContainText("This link has been used");

  // Deactivated: the open session ends now, and signing in is refused with the reason.
  await admin.reload();
  const row = admin.getByRole("row", { name: /Casey Newhire/ });
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Deactivate Casey Newhire" }).click();
  const confirm = admin.getByRole("dialog", { name: "Deactivate Casey Newhire?" });
  await expect(confirm).toContainText("open session ends now");
  await confirm.getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Casey Newhire is deactivated; 1 session ended." })).toBeVisible();

  await casey.goto(`${baseUrl()}/queue`);
  await expect(casey).toHaveURL(/\/login/);
  await casey.getByLabel("Email").fill(email);
  await casey.getByLabel("Password").fill("lanterns drift over quiet harbours");
  await casey.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(casey.getByRole("main").getByRole("alert")).toContainText("This account has been deactivated");

  // Everything above is in the audit.
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Security events" }).click();
  const events = admin.getByRole("table");
  for (const kind of ["Account invited", "Password set", "Account deactivated", "Sign-in failed"]) {
    await expect(events.getByRole("row").filter({ hasText: kind }).filter({ hasText: email }).first()).toBeVisible();
  }
});

test("the account pages are for admins only", async ({ browser }) => {
  const lead = await signedInPage(browser, "lead@redline.test");
  for (const path of ["/settings/accounts", "/settings/security"]) {
    await lead.goto(`${baseUrl()}${path}`);
    await expect(lead.getByRole("main").getByRole("alert")).toContainText("This needs the Admin role");
  }
});
