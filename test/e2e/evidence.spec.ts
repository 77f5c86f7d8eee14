import { expect, test } from "@playwright/test";
import { alloKeyFor } from "../../emulator/allo/keys";
import { createEvidenceIndex } from "@/lib/review/evidence/evidence-index";
import { patchAsColleague } from "../support/review-fixture";
import { alloSummary, baseUrl, emulatorUrl, signIn, singleTemplateCalls } from "./support";

type AlloItem = {
  date: string;
  summary: string | null;
  user: { name: string | null } | null;
  contacts: { name?: string | null }[] | null;
  transcript: { source: "USER" | "EXTERNAL"; text: string }[] | null;
};

async function alloItem(callId: string): Promise<AlloItem> {
  const response = await fetch(`${emulatorUrl()}/v2/api/conversations/items/${callId}?extend=transcript`, {
    headers: { Authorization: `Api-Key ${alloKeyFor("colleague")}` },
  });
  return ((await response.json()) as { data: AlloItem }).data;
}

/**
 * A call whose AI summary the checks find nothing wrong with, and an amount in it that a turn says: the test
 * changes that amount in the provider, as a bad AI summary would have it.
 */
async function callWithCheckedAmount() {
  // Calls from the 15th on: the other specs use the first thirteen, the caret test below the 14th.
  for (const { id } of singleTemplateCalls().slice(14)) {
    const item = await alloItem(id);
    if (!item.summary || !item.transcript?.length) continue;
    const turns = item.transcript.map((turn, index) => ({ index, speaker: turn.source === "USER" ? ("agent" as const) : ("customer" as const), text: turn.text }));
    const names = [item.user?.name, ...(item.contacts ?? []).map((contact) => contact.name)].filter((name): name is string => Boolean(name));
    const index = createEvidenceIndex(turns, { callDate: item.date, names });
    if (index.analyze(item.summary, "markdown").flags.length) continue;
    const amount = item.summary.match(/\$(\d{2,3})\.00/);
    if (!amount) continue;
    const right = amount[0];
    const digits = amount[1]!;
    const wrongDigits = digits.length === 3 && digits[1] !== digits[2] ? `${digits[0]}${digits[2]}${digits[1]}` : String(Number(digits) + 7);
    const wrong = `$${wrongDigits}.00`;
    const turn = turns.findIndex((candidate) => candidate.text.includes(right));
    if (turn === -1 || turns.some((candidate) => candidate.text.includes(wrong))) continue;
    return { id, summary: item.summary, right, wrong, turn };
  }
  throw new Error("no call with a checkable amount in the test data");
}

test("a wrong amount is flagged; the reviewer jumps to the turn that says the right one, corrects it, and the flag clears", async ({ page }) => {
  const call = await callWithCheckedAmount();
  await patchAsColleague(emulatorUrl(), call.id, call.summary.replaceAll(call.right, call.wrong));

  await signIn(page, "reviewer@redline.test");
  await page.goto(`${baseUrl()}/calls/allo/${call.id}`);
  await expect(page.getByRole("textbox", { name: "Summary" })).toBeVisible();
  const checks = page.getByRole("region", { name: "Checks against the call" });
  await expect(checks.getByRole("status")).toContainText("1 fact the call does not support");
  const flags = checks.getByRole("list", { name: /Not supported by the call/ });
  const flag = flags.getByRole("button", { name: new RegExp(`^\\${call.wrong}`) });
  await expect(flag).toContainText(`${call.right}`);

  // By keyboard: Alt+F to the list, Enter on the flag.
  await page.getByRole("textbox", { name: "Summary" }).focus();
  await page.keyboard.press("Alt+f");
  await expect(flag).toBeFocused();
  await page.keyboard.press("Enter");

  // The turn that says the right amount is shown and marked; the wrong amount is selected in the editor.
  const turn = page.getByRole("region", { name: "Transcript turns" }).locator(`li[data-index="${call.turn}"]`);
  await expect(turn).toBeVisible();
  await expect(turn.locator(".turn")).toHaveAttribute("aria-current", "true");
  await expect(turn).toContainText(call.right);
  const editor = page.getByRole("textbox", { name: "Summary" });
  await expect.poll(() => editor.evaluate((textarea: HTMLTextAreaElement) => textarea.value.slice(textarea.selectionStart, textarea.selectionEnd))).toBe(call.wrong);

  // Typing the right amount over the selection clears the flag.
  await page.keyboard.type(call.right);
  await expect(checks.getByRole("status")).toContainText("Every checked fact is in the call");
  await expect(flags).toHaveCount(0);

  // The reason is suggested from the change, and saved with it.
  await expect(page.getByRole("checkbox", { name: "Wrong amount or number" })).toBeChecked();
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Saved", { exact: false }).first()).toBeVisible();
  await expect.poll(() => alloSummary(call.id)).toBe(call.summary);
});

test("the sentence at the caret marks the turns it comes from, and a cited turn lists its sentences", async ({ page }) => {
  await signIn(page, "reviewer2@redline.test");
  const { id } = singleTemplateCalls()[13]!;
  await page.goto(`${baseUrl()}/calls/allo/${id}`);
  const editor = page.getByRole("textbox", { name: "Summary" });
  await expect(editor).toBeVisible();
  await expect(page.getByRole("region", { name: "Checks against the call" }).getByRole("status")).not.toContainText("Checking");
  const text = await editor.inputValue();
  // The caret in the first sentence after the heading.
  const at = text.indexOf("\n\n") + 5;
  await editor.focus();
  await editor.evaluate((textarea: HTMLTextAreaElement, offset: number) => textarea.setSelectionRange(offset, offset), at);
  const marked = page.getByRole("region", { name: "Transcript turns" }).locator('.turn[aria-current="true"]');
  await expect(marked.first()).toBeVisible();

  const cited = page.getByRole("button", { name: /^Cited by/ }).first();
  await cited.click();
  await expect(cited).toHaveAttribute("aria-expanded", "true");
  const sentence = page.getByRole("list", { name: /Sentences citing turn/ }).getByRole("button").first();
  await sentence.click();
  await expect.poll(() => editor.evaluate((textarea: HTMLTextAreaElement) => textarea.selectionEnd - textarea.selectionStart)).toBeGreaterThan(10);
});
