import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const PROFILE = `mem_profile_0${"alice".padEnd(25, "0")}`;
const STORE = `mem_store_0${"store1".padEnd(25, "0")}`;

/** The registry reads the environment once per process: each test loads it afresh. */
async function freshRegistry() {
  vi.resetModules();
  delete (globalThis as { redlineProviders?: unknown }).redlineProviders;
  return import("@/lib/providers/registry");
}

const providerVariables = [
  "ALLO_API_KEY",
  "ALLO_BASE_URL",
  "QUO_API_KEY",
  "QUO_BASE_URL",
  "QUO_PHONE_NUMBERS",
  "BLAND_API_KEY",
  "BLAND_BASE_URL",
  "TWILIO_API_KEY_SID",
  "TWILIO_API_KEY_SECRET",
  "TWILIO_MEMORY_BASE_URL",
  "TWILIO_STORE_ID",
  "TWILIO_PROFILE_IDS",
];

beforeEach(() => {
  for (const variable of providerVariables) vi.stubEnv(variable, "");
});

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { redlineProviders?: unknown }).redlineProviders;
});

describe("provider registry", () => {
  it("builds an adapter for every fully configured provider", async () => {
    vi.stubEnv("ALLO_API_KEY", "ak_live_x");
    vi.stubEnv("QUO_API_KEY", "quo-key");
    vi.stubEnv("QUO_PHONE_NUMBERS", "PN123abc:+15551230001");
    vi.stubEnv("BLAND_API_KEY", "org_key");
    vi.stubEnv("TWILIO_API_KEY_SID", "SK1");
    vi.stubEnv("TWILIO_API_KEY_SECRET", "secret");
    vi.stubEnv("TWILIO_STORE_ID", STORE);
    vi.stubEnv("TWILIO_PROFILE_IDS", PROFILE);

    const registry = await freshRegistry();

    expect(registry.configuredProviders()).toEqual(["allo", "openphone", "bland", "twilio"]);
    expect(registry.getAdapter("twilio")?.capabilities.write).toBe("async");
    expect(registry.getAdapter("openphone")?.capabilities.write).toBe("none");
    expect(registry.providerConfigurationProblems()).toEqual([]);
  });

  it("leaves out a partly configured provider, says why, and keeps the others", async () => {
    vi.stubEnv("ALLO_API_KEY", "ak_live_x");
    vi.stubEnv("QUO_API_KEY", "quo-key");
    vi.stubEnv("TWILIO_STORE_ID", "not-a-store");

    const registry = await freshRegistry();

    expect(registry.configuredProviders()).toEqual(["allo"]);
    expect(registry.getAdapter("openphone")).toBeNull();
    expect(registry.providerConfigurationProblems()).toEqual([
      { provider: "openphone", message: expect.stringContaining("QUO_PHONE_NUMBERS is not") },
      { provider: "twilio", message: expect.stringContaining("TWILIO_API_KEY_SID") },
    ]);
  });

  it("has nothing configured and nothing to report on an empty environment", async () => {
    const registry = await freshRegistry();

    expect(registry.configuredProviders()).toEqual([]);
    expect(registry.providerConfigurationProblems()).toEqual([]);
  });
});
