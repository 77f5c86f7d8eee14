import { changedBlocks } from "./changed-blocks";

export type EditSize = { chars: number; lines: number };

/** Characters that differ between two texts once what they share at both ends is set aside. */
function differingChars(before: string, after: string): number {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return Math.max(before.length - start - end, after.length - start - end);
}

/**
 * How much a correction changed: lines removed plus lines added, and characters changed within each
 * changed block ("$129" → "$192" is 2 characters, not two whole lines). Cheap enough to run on every save
 * of a 100,000-character summary.
 */
export function editSize(before: string, after: string): EditSize {
  if (before === after) return { chars: 0, lines: 0 };
  let chars = 0;
  let lines = 0;
  for (const block of changedBlocks(before, after)) {
    chars += differingChars(block.removed, block.added);
    lines += block.lines;
  }
  return { chars, lines };
}
