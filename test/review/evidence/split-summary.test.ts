import { describe, expect, it } from "vitest";
import { splitSummary } from "@/lib/review/evidence/split-summary";

const texts = (summary: string, format: "markdown" | "plain") =>
  splitSummary(summary, format).map((sentence) => {
    expect(summary.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentence.matchText).toHaveLength(sentence.text.length);
    return sentence.text;
  });

describe("splitSummary", () => {
  it("splits Allo's markdown into sentences and list items, skipping headings, with offsets into the raw text", () => {
    const summary =
      "## Summary\n\nJane Kim disputed a **$49.00** charge on invoice INV-48213. Alex Rivera issued a refund.\n\n" +
      "## Commitments\n\n- Refund of $49.00 to the card on file.\n* Confirmation email to [jane.kim@example.com](mailto:jane.kim@example.com)\n\n---\n";
    expect(texts(summary, "markdown")).toEqual([
      "Jane Kim disputed a **$49.00** charge on invoice INV-48213.",
      "Alex Rivera issued a refund.",
      "Refund of $49.00 to the card on file.",
      "Confirmation email to [jane.kim@example.com](mailto:jane.kim@example.com)",
    ]);
    const [first, , , link] = splitSummary(summary, "markdown");
    expect(first!.matchText).toBe("Jane Kim disputed a   $49.00   charge on invoice INV-48213.");
    expect(link!.matchText.trimEnd()).toBe("Confirmation email to  jane.kim@example.com");
  });

  it("joins soft-wrapped markdown lines and keeps decimals, versions and abbreviations inside a sentence", () => {
    expect(texts("Dr. Ortiz quoted $1,234.50 for\nversion 4.2.1. Next call Friday.", "markdown")).toEqual([
      "Dr. Ortiz quoted $1,234.50 for\nversion 4.2.1.",
      "Next call Friday.",
    ]);
  });

  it("splits plain text by sentences and bullet lines, dropping label-only lines", () => {
    const bland = "Jane disputed a charge. Promised: Refund of $49.00. Next: Check the refund by Tuesday, March 10.";
    expect(texts(bland, "plain")).toEqual(["Jane disputed a charge.", "Promised: Refund of $49.00.", "Next: Check the refund by Tuesday, March 10."]);
    const quo = "Summary:\n• Jane asked about the Pro plan.\n• Alex quoted $49.00 per location.\n\nNext steps:\n- Email quote Q-48213 today.\n";
    expect(texts(quo, "plain")).toEqual(["Jane asked about the Pro plan.", "Alex quoted $49.00 per location.", "Email quote Q-48213 today."]);
  });

  it("handles CRLF line endings and an empty summary", () => {
    expect(texts("- One item.\r\n- Two item.\r\n", "markdown")).toEqual(["One item.", "Two item."]);
    expect(splitSummary("", "plain")).toEqual([]);
  });
});
