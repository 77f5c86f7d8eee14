import { lineDiff } from "./line-diff";

export type ChangedBlock = { removed: string; added: string; removedLines: number; addedLines: number };

/** Each run of removed and added lines between unchanged ones: one change, as a reader sees it. */
export function changedBlocks(before: string, after: string): ChangedBlock[] {
  const blocks: { removed: string[]; added: string[] }[] = [];
  let open: { removed: string[]; added: string[] } | null = null;
  for (const line of lineDiff(before, after)) {
    if (line.kind === "same") {
      open = null;
      continue;
    }
    if (!open) blocks.push((open = { removed: [], added: [] }));
    open[line.kind].push(line.text);
  }
  return blocks.map((block) => ({ removed: block.removed.join("\n"), added: block.added.join("\n"), removedLines: block.removed.length, addedLines: block.added.length }));
}
