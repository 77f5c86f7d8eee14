import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { editSize } from "@/lib/review/text/edit-size";
import { baseUrl, openCall, signedInPage, singleTemplateCalls } from "./support";

/** RFC 4180 records, as a spreadsheet reads them. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += 1;
    } else field += char;
  }
  return records;
}

test("a lead downloads a call's history and the revisions CSV; a reviewer is offered neither", async ({ browser }) => {
  const call = singleTemplateCalls()[14]!;
  const dana = await signedInPage(browser, "lead@redline.test");
  await openCall(dana, call.id);
  const editor = dana.getByRole("textbox", { name: "Summary" });
  const original = await editor.inputValue();
  const added = "- Dana: refund approved, =not a formula.";
  await editor.fill(`${original}\n${added}`);
  await dana.keyboard.press("Control+s");
  await expect(dana.getByRole("status").filter({ hasText: "Saved. Revision 1" })).toBeVisible();

  await dana.getByRole("button", { name: "History" }).click();
  const history = dana.getByRole("dialog", { name: "Summary history" });
  const [json] = await Promise.all([dana.waitForEvent("download"), history.getByRole("link", { name: "Download history (JSON)" }).click()]);
  expect(json.suggestedFilename()).toBe(`redline-history-allo-${call.id}.json`);
  const exported = JSON.parse(await readFile((await json.path())!, "utf8")) as { callId: string; revisions: { kind: string; status: string; content: string; author: { name: string } | null }[] };
  expect(exported.callId).toBe(call.id);
  expect(exported.revisions.map((row) => `${row.kind}:${row.status}`)).toEqual(["original:observed", "edit:applied"]);
  expect(exported.revisions[1]).toMatchObject({ content: `${original}\n${added}`, author: { name: "Dana Lead" } });
  await history.getByRole("button", { name: "Close" }).click();

  await dana.goto(`${baseUrl()}/insights`);
  const form = dana.getByRole("form", { name: "Export revisions" });
  await form.getByLabel("Provider").selectOption({ label: "Allo" });
  await form.getByLabel("Reviewer").selectOption({ label: "Dana Lead (lead@redline.test)" });
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel("From", { exact: true }).fill(today);
  await form.getByLabel("To", { exact: true }).fill(today);
  const [csv] = await Promise.all([dana.waitForEvent("download"), form.getByRole("button", { name: "Download CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe(`redline-revisions-${today}.csv`);
  const [header, ...rows] = parseCsv(await readFile((await csv.path())!, "utf8"));
  expect(header).toEqual([
    "revision_id", "saved_at", "reviewer_name", "reviewer_email", "provider", "call_id", "template", "kind", "status",
    "reasons", "characters_changed", "lines_changed", "ai_text", "final_text",
  ]);
  const row = rows.find((record) => record[5] === call.id);
  expect(row).toBeDefined();
  const change = editSize(original, `${original}\n${added}`);
  expect(change.lines).toBe(1);
  expect(row!.slice(2, 12)).toEqual(["Dana Lead", "lead@redline.test", "allo", call.id, expect.any(String), "edit", "applied", expect.any(String), String(change.chars), "1"]);
  expect(row![12]).toBe(original.startsWith("=") || original.startsWith("-") ? `'${original}` : original);
  expect(row![13]).toBe(`${original}\n${added}`);
  expect(rows.every((record) => record[2] === "Dana Lead" && record[4] === "allo")).toBe(true);

  const riley = await signedInPage(browser, "reviewer@redline.test");
  await openCall(riley, call.id);
  await riley.getByRole("button", { name: "History" }).click();
  await expect(riley.getByRole("dialog", { name: "Summary history" }).getByRole("row").nth(1)).toBeVisible();
  await expect(riley.getByRole("link", { name: "Download history (JSON)" })).toHaveCount(0);
  expect((await riley.request.get(`${baseUrl()}/api/exports/revisions.csv`)).status()).toBe(403);
});
