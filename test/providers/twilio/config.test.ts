import { describe, expect, it } from "vitest";
import { readProviderConfiguration } from "@/lib/providers/provider-settings";
import { twilioProfileIdsSchema } from "@/lib/providers/twilio/settings";
import { PROFILE_A, PROFILE_B, STORE_ID } from "./fixtures";

const complete = {
  TWILIO_API_KEY_SID: "SK123",
  TWILIO_API_KEY_SECRET: "very-secret",
  TWILIO_STORE_ID: STORE_ID,
  TWILIO_PROFILE_IDS: `${PROFILE_A}, ${PROFILE_B}`,
};

describe("TWILIO_PROFILE_IDS", () => {
  it("reads a comma list, once each", () => {
    expect(twilioProfileIdsSchema.parse(`${PROFILE_A},${PROFILE_B},${PROFILE_A},`)).toEqual([PROFILE_A, PROFILE_B]);
  });

  it("refuses an id that is not a profile TTID, and an empty list", () => {
    expect(twilioProfileIdsSchema.safeParse(`${PROFILE_A},mem_profile_x`).success).toBe(false);
    expect(twilioProfileIdsSchema.safeParse(" , ").success).toBe(false);
  });
});

describe("Twilio Memory configuration", () => {
  it("is configured with all four variables, the base URL defaulting to memory.twilio.com", () => {
    expect(readProviderConfiguration("twilio", complete)).toEqual({
      status: "configured",
      settings: {
        apiKeySid: "SK123",
        apiKeySecret: "very-secret",
        baseUrl: "https://memory.twilio.com",
        storeId: STORE_ID,
        profileIds: [PROFILE_A, PROFILE_B],
      },
    });
  });

  it("names every missing variable", () => {
    const configuration = readProviderConfiguration("twilio", { ...complete, TWILIO_STORE_ID: "", TWILIO_PROFILE_IDS: undefined });

    expect(configuration.status === "invalid" && configuration.message).toBe(
      "Twilio Memory is partly configured: TWILIO_API_KEY_SID, TWILIO_API_KEY_SECRET are set but TWILIO_STORE_ID, TWILIO_PROFILE_IDS are not. Set them, or unset the rest.",
    );
  });

  it("names a store id that is not a TTID, without echoing the secret", () => {
    const configuration = readProviderConfiguration("twilio", { ...complete, TWILIO_STORE_ID: "store-1" });

    const message = configuration.status === "invalid" ? configuration.message : "";
    expect(message).toContain("TWILIO_STORE_ID");
    expect(message).not.toContain("very-secret");
  });

  it("is unset when none of its variables are", () => {
    expect(readProviderConfiguration("twilio", { TWILIO_MEMORY_BASE_URL: "http://localhost:4020" })).toEqual({ status: "unset" });
  });
});
