import { expect, test } from "@playwright/test";
import { alloSummary, baseUrl, openCall, patchAsColleague, signedInPage, singleTemplateCalls } from "./support";

test("two reviewers edit at once: the second gets a merge preview and both edits reach Allo", async ({ browser }) => {
  const call = singleTemplateCalls()[1]!;
  const riley = await signedInPage(browser, "reviewer@redline.test");
  const rowan = await signedInPage(browser, "reviewer2@redline.test");
  await openCall(riley, call.id);
  await openCall(rowan, call.id);

  const original = await riley.getByRole("textbox", { name: "Summary" }).inputValue();
  const rileyLine = "Riley: the customer is on the annual plan.";
  const rowanLine = "- Rowan: follow-up booked for Monday 10:00.";
  await riley.getByRole("textbox", { name: "Summary" }).fill(`${rileyLine}\n\n${original}`);
  await riley.keyboard.press("Control+s");
  await expect(riley.getByRole("status").filter({ hasText: "Saved. Revision 1" })).toBeVisible();

  await rowan.getByRole("textbox", { name: "Summary" }).fill(`${original}\n${rowanLine}`);
  await rowan.keyboard.press("Control+s");
  const dialog = rowan.getByRole("dialog", { name: "This summary changed while you were editing" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Riley Reviewer saved a new version in Redline")).toBeVisible();
  await dialog.getByRole("button", { name: "Save merged text" }).click();
  await expect(rowan.getByRole("status").filter({ hasText: "Saved. Revision 2" })).toBeVisible();

  const final = await alloSummary(call.id);
  expect(final).toContain(rileyLine);
  expect(final).toContain(rowanLine);
  await expect(rowan.getByRole("textbox", { name: "Summary" })).toHaveValue(final);
});

test("a lead overwrites an overlapping change on purpose, and the history shows it", async ({ browser }) => {
  const call = singleTemplateCalls()[2]!;
  const dana = await signedInPage(browser, "lead@redline.test");
  await openCall(dana, call.id);
  const original = await dana.getByRole("textbox", { name: "Summary" }).inputValue();
  const [first, ...rest] = original.split("\n");
  await patchAsColleague(call.id, [`${first} (colleague's wording)`, ...rest].join("\n"));

  const mine = [`${first} (lead's wording)`, ...rest].join("\n");
  await dana.getByRole("textbox", { name: "Summary" }).fill(mine);
  await dana.keyboard.press("Control+s");
  const dialog = dana.getByRole("dialog", { name: "This summary changed while you were editing" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("group", { name: /Conflict 1 of/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Overwrite their version with mine" }).click();
  await expect(dana.getByRole("status").filter({ hasText: "Saved. Revision 1" })).toBeVisible();
  expect(await alloSummary(call.id)).toBe(mine);

  await dana.getByRole("button", { name: "History" }).click();
  const history = dana.getByRole("dialog", { name: "Summary history" });
  await expect(history.getByRole("row").filter({ hasText: "Overwrite" }).filter({ hasText: "Dana Lead" })).toBeVisible();
  await expect(history.getByRole("row").filter({ hasText: "Changed outside Redline" })).toBeVisible();
  await expect(history.getByRole("row").filter({ hasText: "AI original" })).toBeVisible();

  // Restoring the AI original is a new save, checked against what is there now.
  await history.getByRole("button", { name: "Restore AI original 1" }).click();
  await expect(dana.getByRole("status").filter({ hasText: "Saved. Revision 2" })).toBeVisible();
  expect(await alloSummary(call.id)).toBe(original);
  await expect(dana.getByRole("textbox", { name: "Summary" })).toHaveValue(original);
});

test("a reviewer cannot overwrite, and an unsaved draft survives a reload", async ({ browser }) => {
  const call = singleTemplateCalls()[3]!;
  const riley = await signedInPage(browser, "reviewer@redline.test");
  await openCall(riley, call.id);
  const editor = riley.getByRole("textbox", { name: "Summary" });
  const draft = `${await editor.inputValue()}\n- Draft line that must survive a reload.`;
  await editor.fill(draft);
  await expect(riley.getByText("Unsaved changes (kept in this browser)")).toBeVisible();

  riley.on("dialog", (prompt) => void prompt.accept());
  await riley.reload();
  const offer = riley.getByRole("region", { name: "Unsaved draft" });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: "Restore my draft" }).click();
  await expect(riley.getByRole("textbox", { name: "Summary" })).toHaveValue(draft);

  const [first, ...rest] = draft.split("\n");
  await patchAsColleague(call.id, [`${first} (changed in Allo)`, ...rest.slice(0, -1)].join("\n"));
  await riley.getByRole("textbox", { name: "Summary" }).fill([`${first} (changed by Riley)`, ...rest].join("\n"));
  await riley.keyboard.press("Control+s");
  const dialog = riley.getByRole("dialog", { name: "This summary changed while you were editing" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Overwrite their version with mine" })).toHaveCount(0);
});

test("a change made meanwhile is announced before saving, and merged into the draft", async ({ browser }) => {
  const call = singleTemplateCalls()[6]!;
  const riley = await signedInPage(browser, "reviewer@redline.test");
  await openCall(riley, call.id);
  const editor = riley.getByRole("textbox", { name: "Summary" });
  const original = await editor.inputValue();
  const rileyLine = "Riley: the customer asked for paper invoices.";
  await editor.fill(`${rileyLine}\n\n${original}`);
  const colleagueLine = "- Colleague: a credit of $20 was applied.";
  await patchAsColleague(call.id, `${original}\n${colleagueLine}`);

  // The workspace re-checks the summary while it is open; a focus makes it look at once.
  await riley.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  const banner = riley.getByRole("status").filter({ hasText: "Changed in Allo by someone outside Redline" });
  await expect(banner).toBeVisible({ timeout: 25_000 });

  await banner.getByRole("button", { name: "View changes" }).click();
  const changes = riley.getByRole("dialog", { name: "What changed since you opened it" });
  await expect(changes.getByText(colleagueLine)).toBeVisible();
  await changes.getByRole("button", { name: "Close" }).click();

  await banner.getByRole("button", { name: "Merge into my draft" }).click();
  await expect(riley.getByRole("status").filter({ hasText: "Their changes are merged into your draft" })).toBeVisible();
  const merged = await editor.inputValue();
  expect(merged).toContain(rileyLine);
  expect(merged).toContain(colleagueLine);

  await editor.press("Control+s");
  await expect(riley.getByRole("status").filter({ hasText: "Saved. Revision 1" })).toBeVisible();
  expect(await alloSummary(call.id)).toBe(merged);
});

test("a lead sees who changed what on the insights page; a reviewer sees only their own figures, a viewer nothing", async ({ browser }) => {
  const dana = await signedInPage(browser, "lead@redline.test");
  await openCall(dana, singleTemplateCalls()[8]!.id);
  await dana.getByRole("button", { name: "Approve unchanged" }).click();
  await expect(dana).not.toHaveURL(new RegExp(`${singleTemplateCalls()[8]!.id}$`));
  await dana.getByRole("link", { name: "Insights" }).click();
  await expect(dana.getByRole("heading", { name: "Insights" })).toBeVisible();
  const reviewers = dana.getByRole("table", { name: "What each person did in Redline" });
  await expect(reviewers.getByRole("row").filter({ hasText: "Dana Lead" })).toBeVisible();
  await expect(dana.getByRole("table", { name: "Reviewed calls per provider" }).getByRole("row").filter({ hasText: "Allo" })).toBeVisible();

  const riley = await signedInPage(browser, "reviewer@redline.test");
  await riley.getByRole("link", { name: "Insights" }).click();
  await expect(riley.getByRole("heading", { name: "Your figures" })).toBeVisible();
  await expect(riley.getByRole("table", { name: "What each person did in Redline" })).toHaveCount(0);
  await expect(riley.getByRole("form", { name: "Export revisions" })).toHaveCount(0);

  const val = await signedInPage(browser, "viewer@redline.test");
  await expect(val.getByRole("link", { name: "Insights" })).toHaveCount(0);
  await val.goto(`${baseUrl()}/insights`);
  await expect(val.getByRole("main").getByRole("alert").filter({ hasText: "This needs the Reviewer role" })).toBeVisible();
});
