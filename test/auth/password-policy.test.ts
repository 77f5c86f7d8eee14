import { describe, expect, it } from "vitest";
import { checkNewPassword, passwordLength } from "@/lib/auth/password-policy";

describe("the password policy", () => {
  it.each(["blue kettle under the stairs", "correct horse battery staple", "Tr0ub4dor&3xyzab", "ilovemydogbuster", "ÄÖÜ ß éèê 漢字 パスワード"])("accepts %j", (password) => {
    expect(checkNewPassword(password)).toEqual({ ok: true });
  });

  it("asks for at least 15 characters, counted as characters rather than bytes, and at most 256", () => {
    expect(checkNewPassword("fourteen chars")).toMatchObject({ ok: false, message: expect.stringContaining("at least 15 characters (yours has 14)") });
    expect(checkNewPassword("x".repeat(257))).toMatchObject({ ok: false, message: expect.stringContaining("at most 256") });
  });

  it.each(["password12345678", "P@ssw0rd12345678", "qwertyuiopasdfgh", "iloveyouiloveyou", "aaaaaaaaaaaaaaaa", "12345678901234567"])("refuses %j, a leaked or trivially guessed one", (password) => {
    expect(checkNewPassword(password).ok).toBe(false);
  });

  it("has no composition rules: a long lower-case phrase passes, a short mix of classes does not", () => {
    expect(checkNewPassword("lanterns drift over quiet harbours").ok).toBe(true);
    expect(checkNewPassword("Aa1!Bb2@").ok).toBe(false);
  });

  it("exports the lengths the form tells people", () => {
    expect(passwordLength).toEqual({ min: 15, max: 256 });
  });
});
