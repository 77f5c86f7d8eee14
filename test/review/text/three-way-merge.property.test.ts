import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineDiff } from "@/lib/review/text/line-diff";
import { resolveMerge, threeWayMerge, type MergeResult } from "@/lib/review/text/three-way-merge";

// Base lines are distinct, and edits only ever write lines from a separate pool, so a base line
// missing from a side was deleted by that side. The new lines repeat (blank lines, bare bullets
// included) so both sides often write the same line, at the same place or elsewhere.
const BASE_LINES = [
  "Customer called about a late refund.",
  "Agent checked the order history.",
  "Refund was issued on 3 March.",
  "Customer asked for a confirmation email.",
  "Agent promised to send it today.",
  "Customer mentioned a second order.",
  "Agent opened a ticket for it.",
  "Next steps:",
  "Call back on Friday.",
  "Kunde: José Müller 👋",
  "问题：退款延迟",
  "ملاحظة: تم إصدار المبلغ",
];
const NEW_LINES = ["", "-", "Refund approved.", "Follow up by email.", "Escalated to billing 📞", "Résumé envoyé."];

const options = { seed: 20_261_120, numRuns: 400 };

type Edit = { kind: "insert" | "delete" | "replace"; at: number; line: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("insert", "delete", "replace"),
  at: fc.nat({ max: 30 }),
  line: fc.constantFrom(...NEW_LINES),
});

function applyEdits(lines: readonly string[], edits: readonly Edit[]): string[] {
  const out = [...lines];
  for (const { kind, at, line } of edits) {
    if (kind === "insert") out.splice(at % (out.length + 1), 0, line);
    else if (out.length > 0) out.splice(at % out.length, 1, ...(kind === "replace" ? [line] : []));
  }
  return out;
}

const linesOf = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

/** A text and its lines as the merge reads them ("a\n" without a final line ending is just ["a"]). */
function asText(lines: readonly string[], finalNewline: boolean) {
  const text = lines.join("\n") + (finalNewline && lines.length > 0 ? "\n" : "");
  return { text, lines: linesOf(text) };
}

const scenario = fc
  .record({
    base: fc.uniqueArray(fc.constantFrom(...BASE_LINES), { maxLength: 10 }),
    // Applied to both sides: the same change made twice.
    shared: fc.array(edit, { maxLength: 2 }),
    mine: fc.array(edit, { maxLength: 4 }),
    theirs: fc.array(edit, { maxLength: 4 }),
    finalNewlines: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
  })
  .map(({ base, shared, mine, theirs, finalNewlines: [inBase, inMine, inTheirs] }) => {
    const common = applyEdits(base, shared);
    return {
      base: asText(base, inBase),
      mine: asText(applyEdits(common, mine), inMine),
      theirs: asText(applyEdits(common, theirs), inTheirs),
    };
  });

function addedLines(base: string, side: string): string[] {
  return lineDiff(base, side)
    .filter((line) => line.kind === "added")
    .map((line) => line.text);
}

function countOf(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let i = 0;
  for (const line of haystack) if (i < needle.length && line === needle[i]) i++;
  return i === needle.length;
}

function resolvedByDefault(result: MergeResult): string {
  return resolveMerge(result.hunks, {}, result.layout);
}

describe("threeWayMerge properties", () => {
  it("a clean merge keeps every line either side added and drops lines one side deleted", () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const result = threeWayMerge(base.text, mine.text, theirs.text);
        if (!result.clean) return;
        expect(result.text).toBe(resolvedByDefault(result));
        const merged = linesOf(result.text);
        const mergedCounts = countOf(merged);
        for (const side of [mine, theirs]) {
          for (const [line, count] of countOf(addedLines(base.text, side.text))) {
            expect(mergedCounts.get(line) ?? 0).toBeGreaterThanOrEqual(count);
          }
        }
        for (const line of base.lines) {
          const inMine = mine.lines.includes(line);
          const inTheirs = theirs.lines.includes(line);
          if (inMine !== inTheirs) expect(merged).not.toContain(line);
          if (inMine && inTheirs) expect(merged).toContain(line);
        }
      }),
      options,
    );
  });

  it("resolving with the default choices never drops a line of mine that theirs did not delete", () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const result = threeWayMerge(base.text, mine.text, theirs.text);
        const resolved = linesOf(resolvedByDefault(result));
        const deletedByTheirs = new Set(base.lines.filter((line) => !theirs.lines.includes(line)));
        const mineToKeep = mine.lines.filter((line) => !deletedByTheirs.has(line));
        expect(isSubsequence(mineToKeep, resolved)).toBe(true);
        expect(isSubsequence(addedLines(base.text, mine.text), resolved)).toBe(true);
        if (deletedByTheirs.size === 0) expect(isSubsequence(mine.lines, resolved)).toBe(true);
      }),
      options,
    );
  });

  it("never reports a conflict whose two sides are the same", () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        for (const hunk of threeWayMerge(base.text, mine.text, theirs.text).hunks) {
          if (hunk.kind === "conflict") expect(hunk.mine).not.toEqual(hunk.theirs);
        }
      }),
      options,
    );
  });

  it("merging a text with itself, or with an unchanged side, gives that text", () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        for (const x of [mine.text, theirs.text]) {
          expect(threeWayMerge(base.text, x, x)).toMatchObject({ clean: true, text: x });
        }
        expect(threeWayMerge(base.text, base.text, theirs.text)).toMatchObject({ clean: true, text: theirs.text });
        expect(threeWayMerge(base.text, mine.text, base.text)).toMatchObject({ clean: true, text: mine.text });
      }),
      options,
    );
  });

  it("gives the same outcome whichever side is the reviewer's", () => {
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const forward = threeWayMerge(base.text, mine.text, theirs.text);
        const backward = threeWayMerge(base.text, theirs.text, mine.text);
        expect(backward.clean).toBe(forward.clean);
        if (forward.clean && backward.clean) expect(backward.text).toBe(forward.text);
      }),
      options,
    );
  });

  it("merges CRLF texts exactly as LF ones, writing the reviewer's line endings", () => {
    const crlf = (text: string) => text.replaceAll("\n", "\r\n");
    fc.assert(
      fc.property(scenario, ({ base, mine, theirs }) => {
        const lf = threeWayMerge(base.text, mine.text, theirs.text);
        const mixed = threeWayMerge(crlf(base.text), crlf(mine.text), theirs.text);
        expect(mixed.hunks).toEqual(lf.hunks);
        expect(mixed.clean).toBe(lf.clean);
        if (mine.text.includes("\n")) expect(resolvedByDefault(mixed)).toBe(crlf(resolvedByDefault(lf)));
      }),
      options,
    );
  });
});
