import { expect, test, type Page } from "@playwright/test";
import { blandCallsSharingMemory } from "../support/bland-shared-memory";
import { generateFixture } from "../../emulator/data/generate";
import { e2eData } from "./e2e-data";
import { baseUrl, emulatorUrl, signIn } from "./support";

/** Opens the first call of a provider whose summary has text, going down its queue. */
async function openCallWithSummary(page: Page, provider: string): Promise<string> {
  await page.goto(`${baseUrl()}/queue?provider=${provider}`);
  const links = page.getByRole("table").getByRole("link");
  await expect(links.first()).toBeVisible({ timeout: 45_000 });
  const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
  for (const href of hrefs.slice(0, 12)) {
    await page.goto(`${baseUrl()}${href}`);
    const editor = page.getByRole("textbox", { name: "Summary" });
    await expect(editor).toBeVisible();
    if ((await editor.inputValue()).trim().length > 0) return href;
  }
  throw new Error(`no ${provider} call with a summary on the first page`);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "reviewer@redline.test");
});

test("Quo: a correction is kept in Redline and the page says Quo's copy is unchanged", async ({ page }) => {
  const href = await openCallWithSummary(page, "openphone");
  await expect(page.getByText("Quo has no API to change summaries")).toBeVisible();
  const editor = page.getByRole("textbox", { name: "Summary" });
  const corrected = `${await editor.inputValue()}\n- Corrected in Redline: refund approved.`;
  await editor.fill(corrected);
  await editor.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: "Saved in Redline as revision 1. Quo's own copy was not changed." })).toBeVisible();

  await page.goto(`${baseUrl()}${href}`);
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue(corrected);
  await expect(page.getByRole("definition").filter({ hasText: "Riley Reviewer" })).toBeVisible();
});

test("Bland: the contact memory summary is edited as plain text and saved", async ({ page }) => {
  await openCallWithSummary(page, "bland");
  await expect(page.getByText("keeps this summary as plain text")).toBeVisible();
  // Plain text: no markdown toolbar or preview, just the text box.
  await expect(page.getByRole("button", { name: /bold/i })).toHaveCount(0);
  const editor = page.getByRole("textbox", { name: "Summary" });
  await editor.fill(`${await editor.inputValue()} Prefers calls after 5 pm.`);
  await editor.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: /Saved\. Revision 1/ })).toBeVisible();
});

test("Bland: calls that share a contact memory say so, and a save from one is the text and the status of the other", async ({ page }) => {
  const shared = blandCallsSharingMemory(e2eData).find((memory) => memory.callIds.length === 2)!;
  const [first, second] = shared.callIds as [string, string];
  await page.goto(`${baseUrl()}/queue?provider=bland`);
  await expect(page.getByRole("table").getByRole("link").first()).toBeVisible({ timeout: 45_000 });

  await page.goto(`${baseUrl()}/calls/bland/${second}`);
  await expect(page.getByRole("note").filter({ hasText: "contact memory" })).toBeVisible();
  await page.goto(`${baseUrl()}/calls/bland/${first}`);
  await expect(page.getByRole("note").filter({ hasText: /contact memory, shared by 2 calls in the queue/ })).toBeVisible();
  const editor = page.getByRole("textbox", { name: "Summary" });
  const corrected = `${await editor.inputValue()} Asked to be called back on Friday.`;
  await editor.fill(corrected);
  await editor.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: /Saved\. Revision \d+/ })).toBeVisible();

  await page.goto(`${baseUrl()}/calls/bland/${second}`);
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue(corrected);
  await page.goto(`${baseUrl()}/queue?provider=bland&status=corrected`);
  for (const callId of [first, second]) await expect(page.locator(`a[href="/calls/bland/${callId}"]`)).toBeVisible();
});

test("Twilio: 4,096 characters at most, then accepted and applied", async ({ page }) => {
  await openCallWithSummary(page, "twilio");
  await expect(page.getByText("accepts a change first and applies it a moment later")).toBeVisible();
  const editor = page.getByRole("textbox", { name: "Summary" });
  const original = await editor.inputValue();
  await editor.fill(original + " x".repeat(2100));
  await expect(page.getByText(/Twilio Memory accepts at most 4,096/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();

  await editor.fill(`${original} Customer asked for a follow-up email.`);
  await expect(page.getByText(/\/ 4,096 characters/)).toBeVisible();
  await editor.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: "Accepted — waiting for Twilio Memory to apply it." })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Applied: Twilio Memory now shows your text." })).toBeVisible({ timeout: 20_000 });
});

test("Quo: a call still being summarised waits in the queue, and comes back ready when Quo's webhook says its summary is done", async ({ page }) => {
  const quo = generateFixture({ ...e2eData, providers: ["openphone"] }).openphone!;
  const call = quo.calls
    .filter((entry) => entry.summary.status !== "completed" && entry.status === "completed" && entry.duration > 0)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  const row = page.getByRole("row").filter({ has: page.locator(`a[href="/calls/openphone/${call.id}"]`) });

  await page.goto(`${baseUrl()}/queue?provider=openphone&summary=coming`);
  await expect(row).toBeVisible({ timeout: 45_000 });
  await expect(row.getByRole("cell").filter({ hasText: /Being written|Not checked yet|None yet/ })).toBeVisible();

  // Quo finishes the summary and signs its webhook to the app; the app verifies it (a 2xx) and reads the summary.
  const finished = await fetch(`${emulatorUrl()}/__emulator/openphone/jobs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ callId: call.id, summary: { status: "completed", summary: ["Agreed to waive the late fee on INV-31337."], nextSteps: ["Confirm by email"] } }),
  });
  const { deliveries } = (await finished.json()) as { deliveries: { type: string; status: number }[] };
  expect(deliveries.map((delivery) => [delivery.type, delivery.status])).toEqual([["call.summary.completed", 200]]);

  await page.goto(`${baseUrl()}/queue?provider=openphone&summary=ready&q=INV-31337`);
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("cell", { name: "Ready" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await row.getByRole("link").click();
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveValue(/waive the late fee on INV-31337/);
});
