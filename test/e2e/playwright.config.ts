import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  outputDir: "../../test-results",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
});
