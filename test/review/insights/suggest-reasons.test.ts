import { describe, expect, it } from "vitest";
import { suggestReasons } from "@/lib/review/insights/suggest-reasons";

const ai = `## Summary

Ingrid Whitfield disputed a $129.00 charge on invoice INV-48213 from March 3. Tomás Reyes issued a refund.

## Commitments

- Refund of $129.00 to the card on file within 5 to 7 business days.
- A free upgrade to the Pro plan.`;

describe("reasons suggested from a correction", () => {
  it("a changed amount", () => {
    expect(suggestReasons(ai, ai.replaceAll("$129.00", "$192.00"))).toEqual(["wrong_amount"]);
  });
  it("a shifted date", () => {
    expect(suggestReasons(ai, ai.replace("March 3", "March 5"))).toEqual(["wrong_date"]);
    expect(suggestReasons("Call back on Tuesday.", "Call back on Thursday.")).toEqual(["wrong_date"]);
  });
  it("the wrong person", () => {
    expect(suggestReasons(ai, ai.replace("Tomás Reyes", "Nora Patel"))).toEqual(["wrong_person"]);
  });
  it("a commitment the AI missed", () => {
    expect(suggestReasons(ai, `${ai}\n- Tomás will email a confirmation within the hour.`)).toEqual(["missed_commitment"]);
  });
  it("content nobody said", () => {
    expect(suggestReasons(ai, ai.replace("\n- A free upgrade to the Pro plan.", ""))).toEqual(["invented_content"]);
  });
  it("only wording or layout", () => {
    expect(suggestReasons("- Refund issued.\n- Email sent.", "* Refund issued\n* Email sent")).toEqual(["tone_format"]);
  });
  it("what the evidence checks flagged, even before any change", () => {
    expect(suggestReasons(ai, ai, ["money", "date"])).toEqual(["wrong_amount", "wrong_date"]);
    expect(suggestReasons(ai, ai, ["name", "email", "id"])).toEqual(["wrong_person", "wrong_amount"]);
  });
});
