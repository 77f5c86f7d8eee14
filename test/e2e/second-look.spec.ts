import { expect, test, type Page } from "@playwright/test";
import { alloSummary, baseUrl, openCall, signedInPage, singleTemplateCalls } from "./support";

/** Riley's row of the agreement table on Insights: looked at, agreed, corrected (zeros before any sample). */
async function rileysAgreement(page: Page): Promise<{ lookedAt: number; corrected: number; rate: string }> {
  await page.goto(`${baseUrl()}/insights`);
  const table = page.getByRole("table", { name: "How often a second look agreed with each reviewer" });
  if (!(await table.isVisible())) return { lookedAt: 0, corrected: 0, rate: "none looked at yet" };
  const row = table.getByRole("row", { name: /^Riley Reviewer/ });
  if (!(await row.count())) return { lookedAt: 0, corrected: 0, rate: "none looked at yet" };
  const cells = await row.getByRole("cell").allInnerTexts();
  return { lookedAt: Number(cells[0]), corrected: Number(cells[2]), rate: cells[3]! };
}

test("a lead samples every decision, looks again at a reviewer's approval, corrects it, and the agreement rate follows", async ({ browser }) => {
  // The last single-template call: the other specs take theirs from the start of the list.
  const call = singleTemplateCalls().at(-1)!;
  const dana = await signedInPage(browser, "lead@redline.test");

  await dana.goto(`${baseUrl()}/insights/second-look`);
  await expect(dana.getByRole("heading", { name: "Second look", level: 1 })).toBeVisible();
  const share = dana.getByLabel("Share of each reviewer's decisions to look at again (%)");
  await share.fill("100");
  await dana.getByRole("button", { name: "Save share" }).click();
  await expect(dana.getByRole("status").filter({ hasText: "Saved: 100% of each reviewer's decisions from now on." })).toBeVisible();
  const before = await rileysAgreement(dana);

  const riley = await signedInPage(browser, "reviewer@redline.test");
  await openCall(riley, call.id);
  await riley.getByRole("button", { name: "Approve unchanged" }).click();
  await expect(riley).not.toHaveURL(new RegExp(`/calls/allo/${call.id}$`));

  // Reviewers are refused the lead's queue.
  await riley.goto(`${baseUrl()}/insights/second-look`);
  await expect(riley.getByRole("alert").filter({ hasText: "This needs the Lead role; your account is Reviewer." })).toBeVisible();

  await dana.goto(`${baseUrl()}/insights`);
  await dana.getByRole("link", { name: "Second look" }).click();
  const look = dana.getByRole("article", { name: `Riley Reviewer approved call ${call.id}` });
  await expect(look).toBeVisible();
  await expect(look.getByText("Changes from the AI's text to the approved text: none, the two texts are the same.")).toBeVisible();
  await look.getByRole("link", { name: "Correct it" }).click();
  await expect(dana).toHaveURL(new RegExp(`/calls/allo/${call.id}\\?secondLook=\\d+$`));
  await expect(dana.getByRole("status").filter({ hasText: "Second look: save your correction here" })).toBeVisible();

  const editor = dana.getByRole("textbox", { name: "Summary" });
  const corrected = `${await editor.inputValue()}\n- Second look: the callback is on Monday, not Friday.`;
  await editor.fill(corrected);
  await dana.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dana.getByRole("status").filter({ hasText: "Second look recorded: you corrected this decision." })).toBeVisible();
  expect(await alloSummary(call.id)).toBe(corrected);

  await dana.goto(`${baseUrl()}/insights/second-look`);
  await expect(dana.getByRole("article", { name: `Riley Reviewer approved call ${call.id}` })).toHaveCount(0);
  const after = await rileysAgreement(dana);
  expect(after.lookedAt).toBe(before.lookedAt + 1);
  expect(after.corrected).toBe(before.corrected + 1);
  expect(after.rate).not.toBe("none looked at yet");

  // Back to the default, for the specs that run after this one.
  await dana.goto(`${baseUrl()}/insights/second-look`);
  await dana.getByLabel("Share of each reviewer's decisions to look at again (%)").fill("10");
  await dana.getByRole("button", { name: "Save share" }).click();
  await expect(dana.getByRole("status").filter({ hasText: "Saved: 10%" })).toBeVisible();
});
