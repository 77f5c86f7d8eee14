import { expect, type Browser, type Page } from "@playwright/test";
import { alloKeyFor } from "../../emulator/allo/keys";
import { generateFixture } from "../../emulator/data/generate";
import { e2eData } from "./e2e-data";

export const baseUrl = () => process.env.E2E_BASE_URL!;
export const emulatorUrl = () => process.env.E2E_EMULATOR_URL!;

/**
 * Calls with exactly one summary template, newest first, with the customer's name as the queue shows it.
 * The data also holds a marathon call (thousands of turns, a summary near 100,000 characters); it is
 * left out so these flows stay quick.
 */
export function singleTemplateCalls() {
  const fixture = generateFixture({ ...e2eData, providers: ["allo"] }).allo!;
  return fixture.items
    .filter((item) => item.type === "CALL" && item.summaries.length === 1 && item.summaries[0]!.content.length < 10_000)
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((call) => ({
      id: call.id,
      customer: fixture.contacts.find((contact) => contact.id === call.contact_id)?.name ?? call.contact_number,
    }));
}

export async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl()}/queue`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("redline-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
}

export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

export async function openCall(page: Page, callId: string) {
  await page.goto(`${baseUrl()}/calls/allo/${callId}`);
  await expect(page.getByRole("textbox", { name: "Summary" })).toBeVisible();
}

export async function alloSummary(callId: string): Promise<string> {
  const response = await fetch(`${emulatorUrl()}/v2/api/conversations/items/${callId}`, {
    headers: { Authorization: `Api-Key ${alloKeyFor("colleague")}` },
  });
  return ((await response.json()) as { data: { summary: string } }).data.summary;
}

export async function patchAsColleague(callId: string, content: string) {
  const response = await fetch(`${emulatorUrl()}/v2/api/conversations/items/${callId}/summary`, {
    method: "PATCH",
    headers: { Authorization: `Api-Key ${alloKeyFor("colleague")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ content }),
  });
  expect(response.status).toBe(200);
}

/** Allo calls with both summary templates completed. */
export function twoTemplateCalls(): string[] {
  const fixture = generateFixture({ ...e2eData, providers: ["allo"] }).allo!;
  return fixture.items
    .filter((item) => item.type === "CALL" && item.summaries.length === 2 && item.summaries.every((summary) => summary.content.length < 10_000))
    .map((call) => call.id);
}

/**
 * Counts the page's requests still in flight. A response to a request sent with the session cookie may set
 * that cookie again, so a test that ends the session waits until nothing is in flight first.
 */
export function requestsInFlight(page: Page): () => Promise<void> {
  let inFlight = 0;
  page.on("request", () => void (inFlight += 1));
  page.on("requestfinished", () => void (inFlight -= 1));
  page.on("requestfailed", () => void (inFlight -= 1));
  return () => expect.poll(() => inFlight).toBe(0);
}

/**
 * What the page's console reports the content security policy refused, from now on: Chromium logs every
 * refused script, style, image or request as an error naming the policy.
 */
export function policyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}
