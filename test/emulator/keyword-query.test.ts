import { describe, expect, it } from "vitest";
import { KeywordQuery } from "@/emulator/allo/keyword-query";

const texts = ["customer disputed invoice inv-20431 and asked for a refund.", "billing team: refund issued to the card."];

describe("KeywordQuery", () => {
  it("splits on anything that is not a letter or digit, lower-cased", () => {
    expect(new KeywordQuery("  Billing, INV-20431 ").terms).toEqual(["billing", "inv", "20431"]);
    expect(new KeywordQuery("").isEmpty).toBe(true);
    expect(new KeywordQuery(undefined).isEmpty).toBe(true);
  });

  it("matches word prefixes only", () => {
    expect(new KeywordQuery("bill").score(texts, false)).toBe(1);
    expect(new KeywordQuery("illing").score(texts, false)).toBe(0);
    expect(new KeywordQuery("2043").score(texts, false)).toBe(1);
  });

  it("requires every term, in any of the texts", () => {
    expect(new KeywordQuery("invoice card").score(texts, false)).toBe(1);
    expect(new KeywordQuery("invoice cancel").score(texts, false)).toBe(0);
  });

  it("scores by the number of hits when ranking", () => {
    expect(new KeywordQuery("refund").score(texts, true)).toBe(2);
    expect(new KeywordQuery("refund invoice").score(texts, true)).toBe(3);
  });

  it("treats accented letters as part of a word", () => {
    expect(new KeywordQuery("née").score(["renée called"], false)).toBe(0);
    expect(new KeywordQuery("renée").score(["renée called"], false)).toBe(1);
  });
});
