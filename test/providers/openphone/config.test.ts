import { describe, expect, it } from "vitest";
import { quoPhoneNumbersSchema } from "@/lib/providers/openphone/settings";
import { readProviderConfiguration } from "@/lib/providers/provider-settings";

describe("QUO_PHONE_NUMBERS", () => {
  it("reads numbers, an optional user and participants", () => {
    expect(quoPhoneNumbersSchema.parse("PN123abc:+15551230001|+15551230002, PN456def@US789ghi:+15559870001")).toEqual([
      { phoneNumberId: "PN123abc", participants: ["+15551230001", "+15551230002"] },
      { phoneNumberId: "PN456def", userId: "US789ghi", participants: ["+15559870001"] },
    ]);
  });

  it("tolerates spaces, a trailing comma and a repeated participant", () => {
    expect(quoPhoneNumbersSchema.parse(" PN1: +15551230001 | +15551230001 ,")).toEqual([{ phoneNumberId: "PN1", participants: ["+15551230001"] }]);
  });

  it.each([
    { value: "PN123abc", problem: "is not <phoneNumberId>" },
    { value: "123abc:+15551230001", problem: "is not a Quo phone number id" },
    { value: "PN1@user:+15551230001", problem: "is not a Quo user id" },
    { value: "PN1:", problem: "names no participant" },
    { value: "PN1:5551230001", problem: "is not an E.164 number" },
    { value: "PN1:+15551230001,PN1:+15551230002", problem: "is listed twice" },
    { value: " , ", problem: "names no phone number" },
  ])("refuses $value", ({ value, problem }) => {
    const parsed = quoPhoneNumbersSchema.safeParse(value);

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(" ")).toContain(problem);
  });
});

describe("Quo configuration", () => {
  it("is unset when none of its variables are", () => {
    expect(readProviderConfiguration("openphone", { QUO_BASE_URL: "https://api.quo.com" })).toEqual({ status: "unset" });
  });

  it("is configured with all of them, the base URL defaulting to OpenPhone's", () => {
    expect(readProviderConfiguration("openphone", { QUO_API_KEY: "key", QUO_PHONE_NUMBERS: "PN1:+15551230001" })).toEqual({
      status: "configured",
      settings: { apiKey: "key", baseUrl: "https://api.openphone.com", lines: [{ phoneNumberId: "PN1", participants: ["+15551230001"] }], webhookSecret: null },
    });
  });

  it("takes a webhook key for summaries and transcripts, and names a malformed one", () => {
    const vars = { QUO_API_KEY: "key", QUO_PHONE_NUMBERS: "PN1:+15551230001" };
    expect(readProviderConfiguration("openphone", { ...vars, QUO_WEBHOOK_SECRET: "whsec_c2VjcmV0" })).toMatchObject({ settings: { webhookSecret: "whsec_c2VjcmV0" } });
    const wrong = readProviderConfiguration("openphone", { ...vars, QUO_WEBHOOK_SECRET: "secret" });
    expect(wrong.status === "invalid" && wrong.message).toContain("whsec_");
  });

  it("names the missing variable when only the key is set", () => {
    const configuration = readProviderConfiguration("openphone", { QUO_API_KEY: "key", QUO_PHONE_NUMBERS: "" });

    expect(configuration).toMatchObject({ status: "invalid" });
    expect(configuration.status === "invalid" && configuration.message).toBe(
      "Quo is partly configured: QUO_API_KEY is set but QUO_PHONE_NUMBERS is not. Set it, or unset the rest.",
    );
  });

  it("names the malformed variable without echoing the key", () => {
    const configuration = readProviderConfiguration("openphone", { QUO_API_KEY: "secret-key", QUO_PHONE_NUMBERS: "PN1:555" });

    expect(configuration.status).toBe("invalid");
    const message = configuration.status === "invalid" ? configuration.message : "";
    expect(message).toContain("QUO_PHONE_NUMBERS");
    expect(message).not.toContain("secret-key");
  });
});
