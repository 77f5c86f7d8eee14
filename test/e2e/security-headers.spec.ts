import { expect, test, type Page } from "@playwright/test";
import { baseUrl, policyViolations, signIn } from "./support";

/** A response's headers, by lower-case name. */
type Headers = Record<string, string>;

const nonceSource = /^'nonce-[A-Za-z0-9+/]{22}=='$/;

/** The headers every page and route carries over plain HTTP, as the security issue asks for them. */
function expectSecurityHeaders(headers: Headers, where: string) {
  const policy = headers["content-security-policy"];
  expect(policy, where).toBeDefined();
  const directives = Object.fromEntries(policy!.split(";").map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
  expect(directives, where).toEqual({
    "default-src": ["'self'"],
    "script-src": [expect.stringMatching(nonceSource), "'strict-dynamic'"],
    "style-src": ["'self'", expect.stringMatching(nonceSource)],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], where).toMatch(/(^|, )camera=\(\)/);
  expect(headers["permissions-policy"], where).toMatch(/(^|, )microphone=\(\)/);
  expect(headers["permissions-policy"], where).toMatch(/(^|, )geolocation=\(\)/);
  expect(headers["cache-control"], where).toMatch(/(^|[ ,])no-store($|,)/);
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

/** Opens a page as a browser does and checks the document's headers; the page's own checks follow. */
async function visit(page: Page, path: string): Promise<Headers> {
  const response = await page.goto(`${baseUrl()}${path}`);
  expect(response?.status(), path).toBe(200);
  const headers = await response!.allHeaders();
  expectSecurityHeaders(headers, path);
  return headers;
}

/** Checks a route's answer, fetched with the page's session. */
async function fetchRoute(page: Page, path: string) {
  const response = await page.request.get(`${baseUrl()}${path}`);
  expect(response.status(), path).toBe(200);
  expectSecurityHeaders(response.headers(), path);
}

test("the sign-in page, signed out: the headers, a fresh nonce on every response, and signing in under the policy", async ({ page }) => {
  const violations = policyViolations(page);
  const first = await visit(page, "/login");
  const second = await visit(page, "/login");
  expect(second["content-security-policy"]).not.toBe(first["content-security-policy"]);
  await page.getByLabel("Email").fill("viewer@redline.test");
  await page.getByLabel("Password").fill("redline-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a signed-out request is redirected to sign in with the same headers", async ({ request }) => {
  const response = await request.get(`${baseUrl()}/queue`, { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toMatch(/\/login\?callbackUrl=/);
  expectSecurityHeaders(response.headers(), "/queue, signed out");
});

test("a reviewer's pages: the queue, a call of each provider with its history, and the routes they read", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = policyViolations(page);
  await signIn(page, "reviewer@redline.test");
  await visit(page, "/queue");
  await fetchRoute(page, "/api/sync");
  for (const provider of ["allo", "openphone", "bland", "twilio"]) {
    await visit(page, `/queue?provider=${provider}`);
    const first = page.getByRole("table").getByRole("link").first();
    await expect(first).toBeVisible({ timeout: 45_000 });
    const href = (await first.getAttribute("href"))!;
    await visit(page, href);
    await expect(page.getByRole("textbox", { name: "Summary" })).toBeVisible();
    await page.getByRole("button", { name: "History" }).click();
    await expect(page.getByRole("dialog", { name: "Summary history" })).toBeVisible();
    await fetchRoute(page, `/api${href}/history`);
  }
  expect(violations).toEqual([]);
});

test("a lead's insights", async ({ page }) => {
  const violations = policyViolations(page);
  await signIn(page, "lead@redline.test");
  await visit(page, "/insights");
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("an admin's settings", async ({ page }) => {
  const violations = policyViolations(page);
  await signIn(page, "admin@redline.test");
  await visit(page, "/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("behind HTTPS, responses add HSTS", async ({ request }) => {
  const response = await request.get(`${baseUrl()}/login`, { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("static files keep their long-lived caching", async ({ page }) => {
  await page.goto(`${baseUrl()}/login`);
  const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute("src");
  const response = await page.request.get(new URL(script!, baseUrl()).href);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("the browser enforces the policy: a remote image and an injected event handler are refused", async ({ page }) => {
  await page.goto(`${baseUrl()}/login`);
  const refused = await page.evaluate(async () => {
    const violation = () => new Promise<string>((resolve) => document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective), { once: true }));
    const image = violation();
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="https://images.attacker.invalid/pixel.png">');
    const imageDirective = await image;
    const handler = violation();
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/missing.png" onerror="window.injected = true">');
    return { image: imageDirective, handler: await handler, ran: "injected" in window };
  });
  expect(refused).toEqual({ image: "img-src", handler: "script-src-attr", ran: false });
});

test("no page can be framed", async ({ page }) => {
  const refused = page.waitForEvent("console", (message) => message.text().includes("frame-ancestors 'none'"));
  await page.setContent(`<iframe title="Redline" src="${baseUrl()}/login"></iframe>`);
  await refused;
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);
});
