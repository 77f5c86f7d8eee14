import { lineDiff } from "../text/line-diff";

export type ChangeSize = { characters: number; lines: number };

/**
 * How much a text changed from `before`, from a line diff: each run of removed and added lines is one change,
 * counting max(removed, added) lines (a rewritten line is one line changed) and, once the text the two sides
 * share at its start and end is set aside, max(removed, added) characters (Unicode code points) — an upper
 * bound of the edit distance that costs one pass over the changed lines, not a character diff.
 */
export function changeSize(before: string, after: string): ChangeSize {
  const size: ChangeSize = { characters: 0, lines: 0 };
  let removed: string[] = [];
  let added: string[] = [];
  const closeChange = () => {
    if (removed.length === 0 && added.length === 0) return;
    size.lines += Math.max(removed.length, added.length);
    size.characters += changedCharacters(Array.from(removed.join("\n")), Array.from(added.join("\n")));
    removed = [];
    added = [];
  };
  for (const line of lineDiff(before, after)) {
    if (line.kind === "same") closeChange();
    else if (line.kind === "removed") removed.push(line.text);
    else added.push(line.text);
  }
  closeChange();
  return size;
}

function changedCharacters(a: string[], b: string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return Math.max(a.length - start - end, b.length - start - end);
}
