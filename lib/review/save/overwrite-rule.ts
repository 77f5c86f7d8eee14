import { lineDiff } from "../text/line-diff";
import { splitLines } from "../text/text-lines";

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of splitLines(text).lines) map.set(line.trimEnd(), (map.get(line.trimEnd()) ?? 0) + 1);
  return map;
}

/**
 * Whether `result` keeps none of the changes `theirs` made to `base`: no line they added is in it, and every
 * line they removed is back. That replaces their version rather than merging it, whatever the save is called.
 * Blank lines are not changes anyone reads, so they do not count either way.
 */
export function dropsEveryChangeOfTheirs(base: string, theirs: string, result: string): boolean {
  const changes = lineDiff(base, theirs).filter((line) => line.kind !== "same" && line.text.trim() !== "");
  if (changes.length === 0) return false;
  const inBase = counts(base);
  const inResult = counts(result);
  return changes.every((line) => {
    const text = line.text.trimEnd();
    const before = inBase.get(text) ?? 0;
    const after = inResult.get(text) ?? 0;
    // An added line is kept when the result has more of it than the base had; a removal when it has fewer.
    return line.kind === "added" ? after <= before : after >= before;
  });
}
