import { expect, test, type Page } from "@playwright/test";
import { generateFixture } from "../../emulator/data/generate";
import { alloKeyFor } from "../../emulator/allo/keys";
import { e2eData } from "./e2e-data";

const baseUrl = () => process.env.E2E_BASE_URL!;
const emulatorUrl = () => process.env.E2E_EMULATOR_URL!;

/** The newest call with exactly one summary template, and its customer's name as the queue shows it. */
function newestSingleTemplateCall() {
  const fixture = generateFixture(e2eData);
  const calls = fixture.items
    .filter((item) => item.type === "CALL" && item.summaries.length === 1)
    .sort((a, b) => b.date.localeCompare(a.date));
  const call = calls[0]!;
  const contact = fixture.contacts.find((candidate) => candidate.id === call.contact_id);
  return { id: call.id, customer: contact?.name ?? call.contact_number };
}

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl()}/queue`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("redline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
}

async function patchAsColleague(callId: string, content: string) {
  const response = await fetch(`${emulatorUrl()}/v2/api/conversations/items/${callId}/summary`, {
    method: "PATCH",
    headers: { Authorization: `Api-Key ${alloKeyFor("colleague")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ content }),
  });
  expect(response.status).toBe(200);
}

test("a reviewer corrects a summary, then a colleague's edit is caught as a conflict", async ({ page }) => {
  const call = newestSingleTemplateCall();
  await signIn(page, "reviewer@redline.test");

  await page.getByRole("link", { name: call.customer }).and(page.locator(`[href$="${call.id}"]`)).first().click();
  await expect(page).toHaveURL(new RegExp(`/calls/allo/${call.id}$`));
  await expect(page.getByRole("heading", { name: "Transcript" })).toBeVisible();
  const versionBar = page.getByRole("definition").filter({ hasText: "Not edited since generated" });
  await expect(versionBar).toBeVisible();

  const editor = page.getByRole("textbox", { name: "Summary" });
  await expect(editor).toBeVisible();
  const original = await editor.inputValue();
  const corrected = `${original}\n\n- The agent promised a callback on Friday.`;
  await editor.fill(corrected);
  await editor.press("Control+s");

  await expect(page.getByRole("status").filter({ hasText: /Saved\. Revision 1, Allo version \d+\./ })).toBeVisible();
  const bar = page.getByRole("definition");
  await expect(bar.filter({ hasText: "Riley Reviewer" })).toBeVisible();
  const versionText = await page.getByRole("status").filter({ hasText: "Saved." }).innerText();
  const version = Number(/version (\d+)/.exec(versionText)![1]);
  await expect(bar.filter({ hasText: `v${version}` })).toBeVisible();

  // Reload: the metadata comes from Redline's journal, not from the page's memory.
  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: `v${version}` })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Riley Reviewer" })).toBeVisible();

  const theirs = `${corrected}\n- Colleague: the customer also asked about invoices.`;
  await patchAsColleague(call.id, theirs);

  const mine = `${corrected}\n- Reviewer: price confirmed at $49 per month.`;
  await page.getByRole("textbox", { name: "Summary" }).fill(mine);
  await page.keyboard.press("Control+s");

  const dialog = page.getByRole("dialog", { name: "This summary changed while you were editing" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("your text is safe")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: /Their version/ })).toHaveValue(theirs);
  await dialog.getByRole("button", { name: "Keep my text and close" }).click();
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue(mine);

  // Nothing was written over the colleague's edit.
  const response = await fetch(`${emulatorUrl()}/v2/api/conversations/items/${call.id}`, {
    headers: { Authorization: `Api-Key ${alloKeyFor("colleague")}` },
  });
  expect(((await response.json()) as { data: { summary: string } }).data.summary).toBe(theirs);
});

test("a viewer can read a call but not save it", async ({ page }) => {
  const call = newestSingleTemplateCall();
  await signIn(page, "viewer@redline.test");
  await page.goto(`${baseUrl()}/calls/allo/${call.id}`);
  await expect(page.getByText("saving needs the Reviewer role")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
});
