import { describe, expect, it } from "vitest";
import { extractFacts } from "@/lib/review/evidence/extract-facts";

// The call took place on Tuesday, March 3, 2026.
const callDay = Date.UTC(2026, 2, 3) / 86_400_000;
const inTurn = (text: string) => extractFacts(text, { callDay, summary: false }).map(({ kind, text, label }) => ({ kind, text, label }));
const inSummary = (text: string) => extractFacts(text, { callDay, summary: true }).map(({ kind, text, label }) => ({ kind, text, label }));
const labels = (text: string, kind: string) => inTurn(text).filter((fact) => fact.kind === kind).map((fact) => fact.label);

describe("extractFacts", () => {
  it("reads money written and spoken", () => {
    expect(labels("Yes, I can see a charge of $1,234.50 on that invoice.", "money")).toEqual(["$1,234.50"]);
    expect(labels("That's twelve hundred thirty-four dollars and fifty cents.", "money")).toEqual(["$1,234.50"]);
    expect(labels("The refund is one hundred twenty-nine dollars, or 129 dollars.", "money")).toEqual(["$129.00", "$129.00"]);
    expect(labels("Plus is one twenty-nine a month.", "money")).toEqual(["$129.00"]);
    expect(labels("It costs forty-nine per month.", "money")).toEqual(["$49.00"]);
    expect(labels("I'll stay for now, two more minutes.", "money")).toEqual([]);
  });

  it("reads numbers and percentages in digits and words", () => {
    expect(labels("Annual billing takes fifteen percent off.", "number")).toEqual(["15%"]);
    expect(labels("Annual billing takes 15% off.", "number")).toEqual(["15%"]);
    expect(labels("That's for twelve locations, 3 months at half price.", "number")).toEqual(["12", "3"]);
    expect(labels("It's nine four one oh seven.", "number")).toEqual(["94107"]);
  });

  it("reads dates against the call's day", () => {
    expect(labels("You're booked for Thursday, March 5.", "date")).toEqual(["Thursday, March 5"]);
    expect(labels("It came out on 3/1, or March first.", "date")).toEqual(["Sunday, March 1", "Sunday, March 1"]);
    expect(labels("It came out on the first of March.", "date")).toEqual(["Sunday, March 1"]);
    expect(labels("Tier 2 will call you tomorrow.", "date")).toEqual(["Wednesday, March 4"]);
    expect(labels("It ships in two days.", "date")).toEqual(["Thursday, March 5"]);
    expect(labels("Said in late December, January 2 is next year's.", "date")).toEqual(["Friday, January 2"]);
    // "next Tuesday" is the coming one or the one after; both are kept.
    expect(inTurn("Let's talk next Tuesday.")).toEqual([{ kind: "date", text: "next Tuesday", label: "Tuesday" }]);
    expect(extractFacts("next Tuesday", { callDay, summary: false })[0]!.keys).toEqual(["wd:2", `date:${callDay + 7}`, `date:${callDay + 14}`]);
  });

  it("reads times of day", () => {
    expect(labels("Your slot is 2:30 PM.", "time")).toEqual(["2:30 PM"]);
    expect(labels("He'll be there at two thirty in the afternoon.", "time")).toEqual(["2:30 PM"]);
    expect(labels("Could we do half past nine in the morning?", "time")).toEqual(["9:30 AM"]);
    expect(labels("It should arrive by 8 PM.", "time")).toEqual(["8:00 PM"]);
    expect(labels("I'll call you at two oh five.", "time")).toEqual(["2:05"]);
  });

  it("reads phone numbers in any format and read out digit by digit", () => {
    for (const said of ["555-123-4567", "(555) 123-4567", "+1 555 123 4567", "five five five, one two three, four five six seven", "five five five one two three four five six seven"]) {
      expect(labels(`Is ${said} still the best number?`, "phone")).toEqual(["555-123-4567"]);
    }
  });

  it("reads email addresses written and spoken", () => {
    expect(labels("Sure, it's jane dot doe at example dot com.", "email")).toEqual(["jane.doe@example.com"]);
    expect(labels("Sure, it's Jane.Doe@Example.com.", "email")).toEqual(["jane.doe@example.com"]);
    expect(labels("I'll be at home all day.", "email")).toEqual([]);
  });

  it("reads ids written, spelled and read out", () => {
    expect(labels("I'm calling about invoice INV-48213.", "id")).toEqual(["INV-48213"]);
    expect(labels("It's quote Q dash four eight two one three.", "id")).toEqual(["Q-48213"]);
    expect(labels("The work order is W-O four eight two one three.", "id")).toEqual(["WO-48213"]);
    expect(labels("Tracking number 1Z8F3K29A0417755 with UPS, firmware 4.2.1.", "id")).toEqual(["1Z8F3K29A0417755", "4.2.1"]);
    expect(labels("The order number is four eight two one three nine.", "id")).toEqual(["482139"]);
  });

  it("reads names said in a call and spelled out", () => {
    expect(labels("Hi, my name is Renée O'Connell.", "name")).toEqual(["Renée O'Connell"]);
    expect(labels("Thanks for calling Northwind, this is Alex.", "name")).toEqual(["Alex"]);
    expect(labels("K-I-M.", "name")).toEqual(["Kim"]);
  });

  it("takes people's names from a summary, not sentence starts or things", () => {
    expect(inSummary("Jane Kim asked about the Pro plan; Alex quoted it.").filter((fact) => fact.kind === "name").map((fact) => fact.text)).toEqual(["Jane Kim", "Alex"]);
    expect(inSummary("Ray to call before arriving.").map((fact) => fact.text)).toEqual(["Ray"]);
    expect(inSummary("Equipment is priced separately. Transferred to dispatch.")).toEqual([]);
  });

  it("reads each span once, the most specific reading winning", () => {
    expect(inTurn("Call 555-123-4567 about INV-12345 on March 3 at 2:30 PM for $49.00.").map((fact) => fact.kind)).toEqual([
      "phone",
      "id",
      "date",
      "time",
      "money",
    ]);
  });
});
