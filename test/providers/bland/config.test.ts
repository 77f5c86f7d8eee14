import { describe, expect, it } from "vitest";
import { readProviderConfiguration } from "@/lib/providers/provider-settings";

describe("Bland configuration", () => {
  it("is configured by its key, the base URL defaulting to Bland's", () => {
    expect(readProviderConfiguration("bland", { BLAND_API_KEY: "org_key" })).toEqual({
      status: "configured",
      settings: { apiKey: "org_key", baseUrl: "https://api.bland.ai" },
    });
  });

  it("is unset when the key is empty, whatever the base URL", () => {
    expect(readProviderConfiguration("bland", { BLAND_API_KEY: "", BLAND_BASE_URL: "http://localhost:4010" })).toEqual({ status: "unset" });
  });

  it("names a malformed base URL", () => {
    const configuration = readProviderConfiguration("bland", { BLAND_API_KEY: "org_key", BLAND_BASE_URL: "not a url" });

    expect(configuration.status === "invalid" && configuration.message).toContain("BLAND_BASE_URL");
  });
});
