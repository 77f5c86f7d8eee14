import { describe, expect, it } from "vitest";
import { resolveMerge, threeWayMerge, type MergeHunk, type MergeResult } from "@/lib/review/text/three-way-merge";

const text = (...lines: string[]) => lines.join("\n") + "\n";

const base = text(
  "Customer called about a late refund.",
  "Agent checked the order history.",
  "Refund was issued on 3 March.",
  "Customer asked for a confirmation email.",
  "Agent promised to send it today.",
);

function conflicts(result: MergeResult) {
  return result.hunks.filter((hunk): hunk is Extract<MergeHunk, { kind: "conflict" }> => hunk.kind === "conflict");
}

function mergedText(result: MergeResult): string {
  if (!result.clean) throw new Error(`expected a clean merge, got ${conflicts(result).length} conflict(s)`);
  return result.text;
}

describe("threeWayMerge", () => {
  it("merges edits to different lines, keeping both sides' changes", () => {
    const mine = base.replace("Agent checked the order history.", "Agent checked the order history and the bank record.");
    const theirs = base.replace("Agent promised to send it today.", "Agent sent the email during the call.");
    expect(mergedText(threeWayMerge(base, mine, theirs))).toBe(
      text(
        "Customer called about a late refund.",
        "Agent checked the order history and the bank record.",
        "Refund was issued on 3 March.",
        "Customer asked for a confirmation email.",
        "Agent sent the email during the call.",
      ),
    );
  });

  it("merges insertions at different places", () => {
    const mine = base.replace("Refund was issued on 3 March.\n", "Refund was issued on 3 March.\nIt can take five days to arrive.\n");
    const theirs = text("Caller: Ana Ruiz", ...base.trimEnd().split("\n"));
    const merged = mergedText(threeWayMerge(base, mine, theirs));
    expect(merged.split("\n")[0]).toBe("Caller: Ana Ruiz");
    expect(merged).toContain("Refund was issued on 3 March.\nIt can take five days to arrive.\n");
  });

  it("reports edits of the same line as a conflict with base, mine and theirs", () => {
    const mine = base.replace("Refund was issued on 3 March.", "Refund was issued on 4 March.");
    const theirs = base.replace("Refund was issued on 3 March.", "Refund was issued on 3 March by bank transfer.");
    const result = threeWayMerge(base, mine, theirs);
    expect(result.clean).toBe(false);
    expect(result.hunks).toEqual([
      { kind: "stable", lines: ["Customer called about a late refund.", "Agent checked the order history."] },
      {
        kind: "conflict",
        base: ["Refund was issued on 3 March."],
        mine: ["Refund was issued on 4 March."],
        theirs: ["Refund was issued on 3 March by bank transfer."],
      },
      { kind: "stable", lines: ["Customer asked for a confirmation email.", "Agent promised to send it today."] },
    ]);
  });

  it("treats an edit next to the other side's edit as a conflict rather than guessing the order", () => {
    const mine = base.replace("Refund was issued on 3 March.", "Refund was issued on 4 March.");
    const theirs = base.replace("Customer asked", "The customer asked");
    expect(threeWayMerge(base, mine, theirs).clean).toBe(false);
  });

  it("takes the same change made on both sides once, without a conflict", () => {
    const both = base.replace("Refund was issued on 3 March.", "Refund was issued on 4 March.");
    expect(mergedText(threeWayMerge(base, both, both))).toBe(both);

    const mine = both.replace("Customer called", "The customer called");
    const theirs = both.replace("promised to send it today.", "promised to send it tonight.");
    expect(mergedText(threeWayMerge(base, mine, theirs))).toBe(
      text(
        "The customer called about a late refund.",
        "Agent checked the order history.",
        "Refund was issued on 4 March.",
        "Customer asked for a confirmation email.",
        "Agent promised to send it tonight.",
      ),
    );
  });

  it("takes the same deletion on both sides once", () => {
    const both = base.replace("Agent checked the order history.\n", "");
    expect(mergedText(threeWayMerge(base, both, both))).toBe(both);
  });

  it("keeps out of a conflict the lines both sides wrote alike at its edges", () => {
    const mine = base.replace("Refund was issued on 3 March.", "Refund was issued on 4 March.\nReference R-1.");
    const theirs = base.replace("Refund was issued on 3 March.", "Refund was issued on 4 March.\nReference R-2.");
    const result = threeWayMerge(base, mine, theirs);
    expect(conflicts(result)).toEqual([
      { kind: "conflict", base: ["Refund was issued on 3 March."], mine: ["Reference R-1."], theirs: ["Reference R-2."] },
    ]);
    expect(resolveMerge(result.hunks, {}, result.layout)).toContain("Refund was issued on 4 March.\nReference R-1.\nReference R-2.\n");
  });

  describe("deletions", () => {
    it("merges a line deleted on one side and untouched on the other", () => {
      const mine = base.replace("Agent checked the order history.\n", "");
      const theirs = base.replace("Agent promised to send it today.", "Agent sent it during the call.");
      const merged = mergedText(threeWayMerge(base, mine, theirs));
      expect(merged).not.toContain("Agent checked the order history.");
      expect(merged).toContain("Agent sent it during the call.");
    });

    it("merges theirs deleting a line mine did not touch", () => {
      const theirs = base.replace("Agent checked the order history.\n", "");
      expect(mergedText(threeWayMerge(base, base, theirs))).toBe(theirs);
    });

    it("reports a line deleted on one side and edited on the other as a conflict", () => {
      const mine = base.replace("Refund was issued on 3 March.", "Refund was issued on 4 March.");
      const theirs = base.replace("Refund was issued on 3 March.\n", "");
      const result = threeWayMerge(base, mine, theirs);
      expect(conflicts(result)).toEqual([
        { kind: "conflict", base: ["Refund was issued on 3 March."], mine: ["Refund was issued on 4 March."], theirs: [] },
      ]);

      const reversed = threeWayMerge(base, theirs, mine);
      expect(conflicts(reversed)).toEqual([
        { kind: "conflict", base: ["Refund was issued on 3 March."], mine: [], theirs: ["Refund was issued on 4 March."] },
      ]);
    });
  });

  describe("line endings", () => {
    const crlf = (value: string) => value.replaceAll("\n", "\r\n");

    it("never conflicts over CRLF against LF alone", () => {
      expect(mergedText(threeWayMerge(base, base, crlf(base)))).toBe(base);
      expect(mergedText(threeWayMerge(crlf(base), base, crlf(base)))).toBe(base);
    });

    it("writes the result with the reviewer's line endings", () => {
      const mine = crlf(base.replace("Customer called", "The customer called"));
      const theirs = base.replace("today.", "tonight.");
      expect(mergedText(threeWayMerge(base, mine, theirs))).toBe(
        crlf(base.replace("Customer called", "The customer called").replace("today.", "tonight.")),
      );
      expect(mergedText(threeWayMerge(crlf(base), theirs, mine))).toBe(
        base.replace("Customer called", "The customer called").replace("today.", "tonight."),
      );
    });

    it("reads lone CR as a line break", () => {
      const mine = base.replaceAll("\n", "\r").replace("Customer called", "The customer called");
      const merged = mergedText(threeWayMerge(base, mine, base.replace("today.", "tonight.")));
      expect(merged.split("\r")).toHaveLength(6);
      expect(merged).toContain("tonight.");
    });

    it("uses their line endings when the reviewer's text has no line break", () => {
      expect(mergedText(threeWayMerge("", "", "One\r\nTwo\r\n"))).toBe("One\r\nTwo\r\n");
    });

    it("keeps the line endings when resolving conflicts", () => {
      const mine = crlf(base.replace("3 March", "4 March"));
      const theirs = crlf(base.replace("3 March", "5 March"));
      const result = threeWayMerge(base, mine, theirs);
      expect(resolveMerge(result.hunks, { 0: "mine" }, result.layout)).toBe(mine);
    });
  });

  describe("trailing newline", () => {
    it("is not a conflict when only the final line ending differs", () => {
      const withoutFinal = base.trimEnd();
      expect(threeWayMerge(base, withoutFinal, base).clean).toBe(true);
      expect(threeWayMerge(base, base, withoutFinal).clean).toBe(true);
    });

    it("keeps the final line ending when both sides agree", () => {
      const mine = base.replace("3 March", "4 March");
      expect(mergedText(threeWayMerge(base, mine, base))).toMatch(/today\.\n$/);
      expect(mergedText(threeWayMerge(base.trimEnd(), mine.trimEnd(), base.trimEnd()))).toMatch(/today\.$/);
    });

    it("follows the side that changed it", () => {
      expect(mergedText(threeWayMerge(base, base.trimEnd(), base))).toBe(base.trimEnd());
      expect(mergedText(threeWayMerge(base, base, base.trimEnd()))).toBe(base.trimEnd());
      expect(mergedText(threeWayMerge(base.trimEnd(), base.trimEnd(), base))).toBe(base);
    });

    it("keeps a final line ending when base was empty and the sides disagree", () => {
      expect(mergedText(threeWayMerge("", "Same", "Same\n"))).toBe("Same\n");
      expect(mergedText(threeWayMerge("", "Same\n", "Same"))).toBe("Same\n");
    });

    it("lets an emptied text have no say, so the reviewer's trailing blank line survives", () => {
      const result = threeWayMerge("Intro\n", "Intro\n\n", "");
      expect(resolveMerge(result.hunks, {}, result.layout)).toBe("Intro\n\n");
    });

    it("keeps the reviewer's added trailing blank line when theirs drops the final line ending", () => {
      expect(mergedText(threeWayMerge("Intro\n", "Intro\n\n", "Intro"))).toBe("Intro\n\n");
    });
  });

  describe("unicode", () => {
    const unicodeBase = text("Kunde: José Müller 👋", "问题：退款延迟", "ملاحظة: تم إصدار المبلغ", "Status: open");

    it("merges lines with emoji, accents, CJK and right-to-left text", () => {
      const mine = unicodeBase.replace("问题：退款延迟", "问题：退款延迟三天 🕒");
      const theirs = unicodeBase.replace("Status: open", "Status: résolu ✅");
      expect(mergedText(threeWayMerge(unicodeBase, mine, theirs))).toBe(
        text("Kunde: José Müller 👋", "问题：退款延迟三天 🕒", "ملاحظة: تم إصدار المبلغ", "Status: résolu ✅"),
      );
    });

    it("reports conflicting right-to-left edits with the lines intact", () => {
      const mine = unicodeBase.replace("ملاحظة: تم إصدار المبلغ", "ملاحظة: تم إصدار المبلغ اليوم");
      const theirs = unicodeBase.replace("ملاحظة: تم إصدار المبلغ", "ملاحظة: لم يصدر المبلغ 👎");
      expect(conflicts(threeWayMerge(unicodeBase, mine, theirs))).toEqual([
        { kind: "conflict", base: ["ملاحظة: تم إصدار المبلغ"], mine: ["ملاحظة: تم إصدار المبلغ اليوم"], theirs: ["ملاحظة: لم يصدر المبلغ 👎"] },
      ]);
    });

    it("compares exactly, so a decomposed accent is a change rather than silently folded", () => {
      const composed = text("Café");
      const decomposed = text("Cafe\u0301");
      const result = threeWayMerge(text("Cafe"), composed, decomposed);
      expect(result.clean).toBe(false);
      expect(resolveMerge(result.hunks, {}, result.layout)).toBe(text("Café", "Cafe\u0301"));
    });
  });

  describe("empty texts", () => {
    it("reports two different new summaries as a conflict instead of joining them", () => {
      const result = threeWayMerge("", text("Mine, line 1", "Mine, line 2"), text("Theirs, line 1"));
      expect(result.hunks).toEqual([
        { kind: "conflict", base: [], mine: ["Mine, line 1", "Mine, line 2"], theirs: ["Theirs, line 1"] },
      ]);
    });

    it("merges two identical new summaries", () => {
      expect(mergedText(threeWayMerge("", text("Same"), text("Same")))).toBe(text("Same"));
    });

    it("takes a new summary when the other side is still empty", () => {
      expect(mergedText(threeWayMerge("", "", text("Theirs")))).toBe(text("Theirs"));
      expect(mergedText(threeWayMerge("", text("Mine"), ""))).toBe(text("Mine"));
    });

    it("keeps the reviewer emptying a summary nobody else changed", () => {
      expect(mergedText(threeWayMerge(base, "", base))).toBe("");
    });

    it("reports the reviewer emptying a summary someone else edited as a conflict", () => {
      const theirs = base.replace("3 March", "4 March");
      const result = threeWayMerge(base, "", theirs);
      expect(result.clean).toBe(false);
      // With nothing left of mine, no base line is kept by both sides, so the whole text is one conflict.
      expect(conflicts(result)).toEqual([
        { kind: "conflict", base: base.trimEnd().split("\n"), mine: [], theirs: theirs.trimEnd().split("\n") },
      ]);
    });
  });

  describe("whitespace-only lines", () => {
    it("keeps blank and whitespace-only lines as they are", () => {
      const spaced = text("Summary", "", "   ", "Next steps", "\t");
      const mine = spaced.replace("Summary", "Call summary");
      const theirs = spaced.replace("Next steps", "Next steps:");
      expect(mergedText(threeWayMerge(spaced, mine, theirs))).toBe(text("Call summary", "", "   ", "Next steps:", "\t"));
    });

    it("counts a whitespace change as an edit", () => {
      const spaced = text("Summary", "", "Next steps");
      const mine = spaced.replace("\n\n", "\n  \n");
      const theirs = spaced.replace("\n\n", "\n\t\n");
      expect(conflicts(threeWayMerge(spaced, mine, theirs))).toEqual([
        { kind: "conflict", base: [""], mine: ["  "], theirs: ["\t"] },
      ]);
    });
  });

  it("merges two 100,000-character summaries full of blank lines and bullets", () => {
    const long = Array.from({ length: 1_000 }, (_, i) => [
      `Point ${i}: the customer asked about order ${1000 + i} and wants a refund before the end of the month, by card.`,
      i % 2 ? "" : "-",
    ]).flat();
    const longBase = text(...long);
    expect(longBase.length).toBeGreaterThan(100_000);
    const mine = longBase.replace("Point 10:", "Point ten:").replace("Point 500:", "Point 500 (mine):");
    const theirs = longBase.replace("Point 990:", "Point 990 (theirs):").replace("Point 500:", "Point 500 (theirs):");
    const result = threeWayMerge(longBase, mine, theirs);
    expect(conflicts(result)).toEqual([
      {
        kind: "conflict",
        base: [long[1_000]],
        mine: [long[1_000]!.replace("Point 500:", "Point 500 (mine):")],
        theirs: [long[1_000]!.replace("Point 500:", "Point 500 (theirs):")],
      },
    ]);
    const resolved = resolveMerge(result.hunks, { 0: "mine" }, result.layout);
    expect(resolved).toBe(mine.replace("Point 990:", "Point 990 (theirs):"));
  });
});

describe("resolveMerge", () => {
  const mine = base.replace("Refund was issued on 3 March.", "Refund was issued on 4 March.\nReference R-1.");
  const theirs = base
    .replace("Refund was issued on 3 March.", "Refund was issued on 5 March.")
    .replace("Agent promised to send it today.", "Agent promised to send it tonight.");
  const result = threeWayMerge(base, mine, theirs);
  const resolve = (choices: Parameters<typeof resolveMerge>[1]) => resolveMerge(result.hunks, choices, result.layout);
  const withMiddle = (...middle: string[]) =>
    text(
      "Customer called about a late refund.",
      "Agent checked the order history.",
      ...middle,
      "Customer asked for a confirmation email.",
      "Agent promised to send it tonight.",
    );

  it("has one conflict to resolve", () => {
    expect(conflicts(result)).toHaveLength(1);
  });

  it("keeps mine", () => {
    expect(resolve({ 0: "mine" })).toBe(withMiddle("Refund was issued on 4 March.", "Reference R-1."));
  });

  it("keeps theirs", () => {
    expect(resolve({ 0: "theirs" })).toBe(withMiddle("Refund was issued on 5 March."));
  });

  it("keeps both, mine first", () => {
    expect(resolve({ 0: "both-mine-first" })).toBe(
      withMiddle("Refund was issued on 4 March.", "Reference R-1.", "Refund was issued on 5 March."),
    );
  });

  it("keeps both, theirs first", () => {
    expect(resolve({ 0: "both-theirs-first" })).toBe(
      withMiddle("Refund was issued on 5 March.", "Refund was issued on 4 March.", "Reference R-1."),
    );
  });

  it("keeps both, mine first, when no choice is given", () => {
    expect(resolve({})).toBe(resolve({ 0: "both-mine-first" }));
    expect(resolveMerge(result.hunks)).toBe(resolve({ 0: "both-mine-first" }).trimEnd());
  });

  it("applies each choice to its own conflict, by position among the conflicts", () => {
    const twoConflicts = threeWayMerge(
      base,
      base.replace("3 March", "4 March").replace("today.", "today, by 5pm."),
      base.replace("3 March", "5 March").replace("today.", "tomorrow."),
    );
    expect(conflicts(twoConflicts)).toHaveLength(2);
    const resolved = resolveMerge(twoConflicts.hunks, { 0: "theirs", 1: "mine" }, twoConflicts.layout);
    expect(resolved).toContain("Refund was issued on 5 March.\n");
    expect(resolved).not.toContain("4 March");
    expect(resolved).toMatch(/Agent promised to send it today, by 5pm\.\n$/);
    expect(resolved).not.toContain("tomorrow");
  });
});
