import { expect, test } from "@playwright/test";
import { openCall, patchAsColleague, policyViolations, signIn, singleTemplateCalls } from "./support";

test("a remote image in a summary is previewed as a placeholder with its address, and never requested", async ({ page }) => {
  const call = singleTemplateCalls()[12]!;
  const remote = "https://images.attacker.invalid/track.png?call=1";
  await patchAsColleague(call.id, `- The customer sent a photo of the receipt.\n\n![receipt](${remote})\n\n- Refund approved.`);

  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  const violations = policyViolations(page);
  await signIn(page, "reviewer@redline.test");
  await openCall(page, call.id);

  const placeholder = page.getByRole("img", { name: `Remote image not loaded (receipt): ${remote}` });
  await expect(placeholder).toBeVisible();
  await expect(placeholder).toHaveText(`Remote image not loaded (receipt): ${remote}`);
  await expect(placeholder.getByRole("link")).toHaveCount(0);
  // The rest of the summary renders around it.
  await expect(page.getByRole("listitem").filter({ hasText: "Refund approved." })).toBeVisible();

  expect(requested.filter((url) => url.includes("attacker.invalid"))).toEqual([]);
  // Nothing was refused either: not the image, which was never asked for, nor any of the app's own scripts.
  expect(violations).toEqual([]);
});
