import fc from "fast-check";
import { LCS } from "node-diff3";
import { describe, expect, it } from "vitest";
import { lineDiff, type DiffLine } from "@/lib/review/text/line-diff";

const text = (...lines: string[]) => lines.map((line) => `${line}\n`).join("");

function sides(diff: readonly DiffLine[]) {
  return {
    before: diff.filter((line) => line.kind !== "added").map((line) => line.text),
    after: diff.filter((line) => line.kind !== "removed").map((line) => line.text),
  };
}

function expectConsistent(diff: readonly DiffLine[], before: string[], after: string[]) {
  expect(sides(diff)).toEqual({ before, after });
  expect(diff.filter((line) => line.oldNumber !== null).map((line) => line.oldNumber)).toEqual(before.map((_, i) => i + 1));
  expect(diff.filter((line) => line.newNumber !== null).map((line) => line.newNumber)).toEqual(after.map((_, i) => i + 1));
  for (const line of diff) {
    expect(line.oldNumber === null).toBe(line.kind === "added");
    expect(line.newNumber === null).toBe(line.kind === "removed");
  }
}

function lcsLength(a: string[], b: string[]): number {
  let length = 0;
  for (let candidate = LCS(a, b); candidate.chain !== null; candidate = candidate.chain) length++;
  return length;
}

describe("lineDiff", () => {
  it("marks added, removed and unchanged lines with their line numbers", () => {
    expect(lineDiff(text("Intro", "Old detail", "Outro"), text("Intro", "New detail", "Extra", "Outro"))).toEqual([
      { kind: "same", text: "Intro", oldNumber: 1, newNumber: 1 },
      { kind: "removed", text: "Old detail", oldNumber: 2, newNumber: null },
      { kind: "added", text: "New detail", oldNumber: null, newNumber: 2 },
      { kind: "added", text: "Extra", oldNumber: null, newNumber: 3 },
      { kind: "same", text: "Outro", oldNumber: 3, newNumber: 4 },
    ]);
  });

  it("diffs from and to an empty text", () => {
    expect(lineDiff("", "")).toEqual([]);
    expect(lineDiff("", text("One", "Two"))).toEqual([
      { kind: "added", text: "One", oldNumber: null, newNumber: 1 },
      { kind: "added", text: "Two", oldNumber: null, newNumber: 2 },
    ]);
    expect(lineDiff(text("One"), "")).toEqual([{ kind: "removed", text: "One", oldNumber: 1, newNumber: null }]);
  });

  it("ignores line endings and the final line ending", () => {
    const lf = text("Customer called.", "", "Refund issued.");
    expect(lineDiff(lf, lf.replaceAll("\n", "\r\n")).every((line) => line.kind === "same")).toBe(true);
    expect(lineDiff(lf, lf.trimEnd()).every((line) => line.kind === "same")).toBe(true);
  });

  it("keeps unicode and whitespace-only lines intact", () => {
    const diff = lineDiff(text("José 👋", "问题", "   "), text("José 👋", "ملاحظة", "\t"));
    expect(diff.map((line) => [line.kind, line.text])).toEqual([
      ["same", "José 👋"],
      ["removed", "问题"],
      ["removed", "   "],
      ["added", "ملاحظة"],
      ["added", "\t"],
    ]);
  });

  it("handles lines that look like object keys", () => {
    const diff = lineDiff(text("__proto__", "constructor"), text("constructor", "toString"));
    expectConsistent(diff, ["__proto__", "constructor"], ["constructor", "toString"]);
    expect(diff.filter((line) => line.kind === "same")).toHaveLength(1);
  });

  it("finds a longest common subsequence of lines", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "", "- item"), { maxLength: 25 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const diff = lineDiff(text(...before), text(...after));
        expectConsistent(diff, before, after);
        expect(diff.filter((line) => line.kind === "same")).toHaveLength(lcsLength(before, after));
      }),
      { seed: 7_301, numRuns: 500 },
    );
  });

  describe("two 100,000-character summaries", () => {
    // 2,000 lines, half of them blank or a bare bullet, as long summaries are.
    const paragraph = (i: number) => [
      `Point ${i}: the customer asked about order ${1000 + i} and wants a refund before the end of the month, by card.`,
      i % 2 ? "" : "-",
    ];
    const before = Array.from({ length: 1_000 }, (_, i) => paragraph(i)).flat();
    const after = before.flatMap((line, i) => {
      if (i === 10) return ["A rewritten opening."];
      if (i === 11 || i === 12 || i >= 1_990) return [];
      if (i === 900) return ["A changed line in the middle."];
      if (i === 1_500) return ["New line 1", "", "New line 2", line];
      return [line];
    });
    const sorted = (lines: string[]) => [...lines].sort();

    it("is a correct, minimal diff", () => {
      expect(text(...before).length).toBeGreaterThan(100_000);
      const diff = lineDiff(text(...before), text(...after));
      expectConsistent(diff, before, after);
      const removed = diff.filter((line) => line.kind === "removed");
      const added = diff.filter((line) => line.kind === "added");
      expect(removed).toHaveLength(14);
      expect(removed.filter((line) => line.text.startsWith("Point")).map((line) => line.oldNumber)).toEqual([
        11, 13, 901, 1991, 1993, 1995, 1997, 1999,
      ]);
      expect(sorted(added.map((line) => line.text))).toEqual(
        sorted(["A rewritten opening.", "A changed line in the middle.", "New line 1", "", "New line 2"]),
      );
    });

    it("is correct when the texts share only their blank lines", () => {
      const other = before.map((line, i) => (line.startsWith("Point") ? `Other ${i}: a different call entirely.` : line));
      const diff = lineDiff(text(...before), text(...other));
      expectConsistent(diff, before, other);
      expect(diff.filter((line) => line.kind === "same")).toHaveLength(1_000);
    });
  });
});
