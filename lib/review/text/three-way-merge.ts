import { matchLines } from "./match-lines";
import { joinLines, splitLines, type SplitText, type TextLayout } from "./text-lines";

export type { TextLayout } from "./text-lines";

export type MergeHunk =
  | { kind: "stable"; lines: string[] }
  | { kind: "conflict"; base: string[]; mine: string[]; theirs: string[] };

/** `layout` is how `resolveMerge` must join the lines to match the merged text's line endings. */
export type MergeResult =
  | { clean: true; text: string; hunks: MergeHunk[]; layout: TextLayout }
  | { clean: false; hunks: MergeHunk[]; layout: TextLayout };

export type ConflictChoice = "mine" | "theirs" | "both-mine-first" | "both-theirs-first";

/** Keeping both, the reviewer's lines first, so saving at once never drops the reviewer's words. */
export const DEFAULT_CONFLICT_CHOICE: ConflictChoice = "both-mine-first";

/**
 * Line-level three-way merge of the reviewer's text (`mine`) and someone else's (`theirs`), both
 * edited from `base`. Lines stay whole, as in Joplin: word-level merging duplicated text.
 *
 * - A change made by one side only is taken; the same change made by both sides is taken once.
 *   Changes that touch the same or adjacent lines differently are a conflict hunk, never guessed.
 * - Lines compare without their endings, so CRLF against LF alone never conflicts. The result
 *   uses the most common line ending of `mine` (falling back to theirs, base, then LF): it goes
 *   back into the reviewer's editor.
 * - Whether the text ends with a line ending is merged like a line: if mine and theirs agree,
 *   that; otherwise whichever side changed it from base (with an empty base, keep it). An empty
 *   side has no say, and a merged text whose last line is empty always keeps its final ending.
 * - Lines are compared exactly: whitespace-only and Unicode differences (including NFC/NFD
 *   spellings of the same accent) count as changes, so nothing the reviewer typed is folded away.
 */
export function threeWayMerge(base: string, mine: string, theirs: string): MergeResult {
  const o = splitLines(base);
  const a = splitLines(mine);
  const b = splitLines(theirs);
  const layout: TextLayout = { eol: a.eol ?? b.eol ?? o.eol ?? "\n", finalNewline: mergeFinalNewline(o, a, b) };
  const hunks = mergeLines(o.lines, a.lines, b.lines);
  if (hunks.some((hunk) => hunk.kind === "conflict")) return { clean: false, hunks, layout };
  return { clean: true, text: resolveMerge(hunks, {}, layout), hunks, layout };
}

/**
 * Composes the final text from one choice per conflict hunk, indexed by the hunk's position
 * among the conflict hunks (0 is the first conflict). A conflict without a choice keeps both,
 * mine first (`DEFAULT_CONFLICT_CHOICE`). Pass the merge's `layout` to keep its line endings;
 * without it the lines are joined with LF and no final line ending.
 */
export function resolveMerge(
  hunks: readonly MergeHunk[],
  choices: Readonly<Record<number, ConflictChoice>> = {},
  layout: TextLayout = { eol: "\n", finalNewline: false },
): string {
  const lines: string[] = [];
  let conflictIndex = 0;
  for (const hunk of hunks) {
    if (hunk.kind === "stable") {
      append(lines, hunk.lines);
      continue;
    }
    const choice = choices[conflictIndex++] ?? DEFAULT_CONFLICT_CHOICE;
    const first = choice === "theirs" || choice === "both-theirs-first" ? hunk.theirs : hunk.mine;
    const second = choice === "both-mine-first" ? hunk.theirs : choice === "both-theirs-first" ? hunk.mine : [];
    append(lines, first);
    append(lines, second);
  }
  return joinLines(lines, layout);
}

/** An empty text has no last line, so it has no say in whether the last line ends with a line ending. */
function mergeFinalNewline(o: SplitText, a: SplitText, b: SplitText): boolean {
  if (a.lines.length === 0) return b.finalNewline;
  if (b.lines.length === 0 || a.finalNewline === b.finalNewline) return a.finalNewline;
  // The two sides disagree. With no base to say who changed it, keep the line ending: it loses nothing.
  if (o.lines.length === 0) return true;
  return a.finalNewline !== o.finalNewline ? a.finalNewline : b.finalNewline;
}

/**
 * diff3 in the formulation of Khanna, Kunal and Pierce ("A Formal Investigation of Diff3",
 * FSTTCS 2007): base lines that both sides kept in place are sync points; between two sync points
 * a chunk is taken from whichever side changed it, or from either if both changed it alike.
 */
function mergeLines(o: readonly string[], a: readonly string[], b: readonly string[]): MergeHunk[] {
  const inA = matchLines(o, a);
  const inB = matchLines(o, b);
  const hunks: MergeHunk[] = [];
  let io = 0;
  let ia = 0;
  let ib = 0;
  while (io < o.length || ia < a.length || ib < b.length) {
    let run = 0;
    while (io + run < o.length && inA[io + run] === ia + run && inB[io + run] === ib + run) run++;
    if (run > 0) {
      pushStable(hunks, o.slice(io, io + run));
      io += run;
      ia += run;
      ib += run;
      continue;
    }
    let sync = io;
    while (sync < o.length && (inA[sync] === -1 || inB[sync] === -1)) sync++;
    const aEnd = sync < o.length ? inA[sync]! : a.length;
    const bEnd = sync < o.length ? inB[sync]! : b.length;
    pushChunk(hunks, o.slice(io, sync), a.slice(ia, aEnd), b.slice(ib, bEnd));
    io = sync;
    ia = aEnd;
    ib = bEnd;
  }
  return hunks;
}

function pushChunk(hunks: MergeHunk[], base: string[], mine: string[], theirs: string[]) {
  if (sameLines(mine, base)) return pushStable(hunks, theirs);
  if (sameLines(theirs, base) || sameLines(mine, theirs)) return pushStable(hunks, mine);
  // Lines both sides wrote alike at the edges of a conflict are not part of it (git's "zealous" merge).
  let head = 0;
  while (head < mine.length && head < theirs.length && mine[head] === theirs[head]) head++;
  let tail = 0;
  while (
    tail < mine.length - head &&
    tail < theirs.length - head &&
    mine[mine.length - 1 - tail] === theirs[theirs.length - 1 - tail]
  ) {
    tail++;
  }
  let baseHead = 0;
  while (baseHead < head && baseHead < base.length && base[baseHead] === mine[baseHead]) baseHead++;
  let baseTail = 0;
  while (
    baseTail < tail &&
    baseTail < base.length - baseHead &&
    base[base.length - 1 - baseTail] === mine[mine.length - 1 - baseTail]
  ) {
    baseTail++;
  }
  pushStable(hunks, mine.slice(0, head));
  hunks.push({
    kind: "conflict",
    base: base.slice(baseHead, base.length - baseTail),
    mine: mine.slice(head, mine.length - tail),
    theirs: theirs.slice(head, theirs.length - tail),
  });
  pushStable(hunks, mine.slice(mine.length - tail));
}

function pushStable(hunks: MergeHunk[], lines: readonly string[]) {
  if (lines.length === 0) return;
  const last = hunks[hunks.length - 1];
  if (last?.kind === "stable") append(last.lines, lines);
  else hunks.push({ kind: "stable", lines: [...lines] });
}

/** push(...source) passes every line as an argument, which overflows the stack on very long texts. */
function append(target: string[], source: readonly string[]) {
  for (const line of source) target.push(line);
}

function sameLines(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((line, i) => line === y[i]);
}
