import { changedBlocks } from "./changed-blocks";

export type EditSize = { chars: number; lines: number };

/** Code points that differ between two texts once what they share at both ends is set aside. */
function differingChars(before: string, after: string): number {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return Math.max(a.length - start - end, b.length - start - end);
}

/**
 * How much a text changed, from a line diff: each run of removed and added lines is one change, counting
 * max(removed, added) lines (a rewritten line is one line changed) and, once what the two sides share at
 * its start and end is set aside, max(removed, added) characters ("$129" → "$192" is 2) — an upper bound of
 * the edit distance that costs one pass over the changed lines. Cheap enough for every save of a
 * 100,000-character summary.
 */
export function editSize(before: string, after: string): EditSize {
  if (before === after) return { chars: 0, lines: 0 };
  let chars = 0;
  let lines = 0;
  for (const block of changedBlocks(before, after)) {
    chars += differingChars(block.removed, block.added);
    lines += Math.max(block.removedLines, block.addedLines);
  }
  return { chars, lines };
}
