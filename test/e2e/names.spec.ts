import { expect, test, type Page } from "@playwright/test";
import { generateFixture } from "../../emulator/data/generate";
import { e2eData } from "./e2e-data";
import { baseUrl, signIn } from "./support";

const fixture = generateFixture(e2eData);

/** Opens a call's review page, again until the names the background sync keeps have arrived. */
async function openNamed(page: Page, provider: string, callId: string, heading: string) {
  await expect(async () => {
    await page.goto(`${baseUrl()}/calls/${provider}/${encodeURIComponent(callId)}`);
    await expect(page.getByRole("heading", { name: heading })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "reviewer@redline.test");
});

test("Twilio: the customer is named from their profile, in the queue and on the review page", async ({ page }) => {
  const profile = fixture.twilio!.stores[0]!.profiles.find((entry) => entry.summaries.length > 0)!;
  const name = `${profile.traits.Contact!.firstName} ${profile.traits.Contact!.lastName}`;
  await openNamed(page, "twilio", `${profile.id}~${profile.summaries[0]!.id}`, `Inbound call from ${name}`);

  await page.goto(`${baseUrl()}/queue?provider=twilio&q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("table").getByRole("link", { name }).first()).toBeVisible();
});

test("Bland: the AI agent is named by its persona and the customer by their contact, speakers included", async ({ page }) => {
  const bland = fixture.bland!;
  const call = [...bland.calls].filter((entry) => entry.inbound).sort((a, b) => b.created_at.localeCompare(a.created_at))[0]!;
  const persona = bland.personas.find((entry) => entry.inbound_numbers.includes(call.to))!;
  const customer = bland.contacts.find((contact) => contact.identifiers.some((identifier) => identifier.identifier_value === call.from))!.name;
  await openNamed(page, "bland", call.call_id, `Inbound call from ${customer}`);
  await expect(page.getByText(`agent ${persona.name}`)).toBeVisible();
  await expect(page.locator(".turn .speaker").filter({ hasText: persona.name }).first()).toBeVisible();

  await page.goto(`${baseUrl()}/queue?agent=${encodeURIComponent(persona.name)}`);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: customer }).first()).toBeVisible();
});

test("Quo: the agent is named from the workspace's users and the customer from its contacts", async ({ page }) => {
  const quo = fixture.openphone!;
  const saved = new Map(quo.contacts.map((contact) => [contact.defaultFields.phoneNumbers[0]!.value, contact]));
  const call = [...quo.calls].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).find((entry) => saved.has(entry.participants[0]!))!;
  const contact = saved.get(call.participants[0]!)!;
  const agent = quo.users.find((user) => user.id === call.userId)!.name;
  const customer = `${contact.defaultFields.firstName} ${contact.defaultFields.lastName}`;
  await openNamed(page, "openphone", call.id, `${call.direction === "incoming" ? "Inbound call from" : "Outbound call to"} ${customer}`);
  await expect(page.getByText(`agent ${agent}`)).toBeVisible();
});
