import { matchLines } from "./match-lines";
import { splitLines } from "./text-lines";

export type DiffLine = {
  kind: "same" | "added" | "removed";
  text: string;
  /** 1-based line number in the older text; null for added lines. */
  oldNumber: number | null;
  /** 1-based line number in the newer text; null for removed lines. */
  newNumber: number | null;
};

/**
 * A line diff of two texts, removed lines before added ones within each change. Line endings
 * are not compared (CRLF and LF lines are the same line) and neither is a final line ending.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before).lines;
  const b = splitLines(after).lines;
  const match = matchLines(a, b);
  const lines: DiffLine[] = [];
  let j = 0;
  const addUpTo = (end: number) => {
    for (; j < end; j++) lines.push({ kind: "added", text: b[j]!, oldNumber: null, newNumber: j + 1 });
  };
  a.forEach((text, i) => {
    const partner = match[i]!;
    if (partner === -1) {
      lines.push({ kind: "removed", text, oldNumber: i + 1, newNumber: null });
      return;
    }
    addUpTo(partner);
    lines.push({ kind: "same", text, oldNumber: i + 1, newNumber: j + 1 });
    j++;
  });
  addUpTo(b.length);
  return lines;
}
