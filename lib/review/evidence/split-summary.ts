import type { SummarySentence } from "./evidence-types";

/** A sentence and the same text with markup blanked out, so offsets found in one hold in the other. */
export type SplitSentence = SummarySentence & { matchText: string };

const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const RULE = /^\s{0,3}(?:[-*_]\s*){3,}$/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const LIST_MARKER = /^(\s*)(?:[-*+•·–]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;
/** A plain-text line that only names what follows: "Next steps:", "Summary". */
const PLAIN_LABEL = /^\s*[\p{L} ]{1,40}:\s*$/u;
/** Where a sentence ends: terminal punctuation and closers, then space and something that can start one. */
const SENTENCE_END = /[.!?]+["'”’)\]*_]*\s+(?=["'“‘(\[*_]*[\p{Lu}\p{N}$])/gu;
/** Words whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|vs|etc|approx|Inc|Ltd|Co|e\.g|i\.e|a\.m|p\.m|U\.S)\.$/i;

/**
 * Markdown markup as spaces: emphasis, code ticks, the brackets and target of a link, so "**$129**"
 * reads as "  $129  " and a fact's offsets stay those of the raw text.
 */
function blankMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]\n]*)\]\(([^)\n]*)\)/g, (whole, label: string) => " " + label + " ".repeat(whole.length - label.length - 1))
    .replace(/(\*\*|__|~~|`)/g, (mark: string) => " ".repeat(mark.length))
    .replace(/(^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=[\s).,;:!?]|$)/g, (mark: string) => mark.replace(/[*_]/, " "));
}

/** Splits a block (a paragraph or a list item, possibly over several lines) into sentences. */
function splitBlock(raw: string, match: string, offset: number, out: SplitSentence[]) {
  let start = 0;
  const push = (end: number) => {
    // Trimmed by the raw text, so a sentence keeps the markup that closes it ("](…)", "**").
    const piece = raw.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    const from = start + lead;
    const to = end - trail;
    if (to > from && /[\p{L}\p{N}]/u.test(match.slice(from, to))) {
      out.push({ index: out.length, start: offset + from, end: offset + to, text: raw.slice(from, to), matchText: match.slice(from, to) });
    }
  };
  for (const boundary of match.matchAll(SENTENCE_END)) {
    const stop = boundary.index + boundary[0].trimEnd().length;
    if (ABBREVIATION.test(match.slice(Math.max(start, stop - 6), stop))) continue;
    push(stop);
    start = boundary.index + boundary[0].length;
  }
  push(match.length);
}

/**
 * The summary's sentences with their offsets. Markdown: headings, rules and code are not sentences;
 * paragraphs and list items are, split at sentence ends. Plain text: lines, with bullets and
 * label-only lines ("Next steps:") dropped the same way.
 */
export function splitSummary(summary: string, format: "markdown" | "plain"): SplitSentence[] {
  const out: SplitSentence[] = [];
  const lines: { start: number; end: number }[] = [];
  for (let at = 0; at <= summary.length; ) {
    const next = summary.indexOf("\n", at);
    const end = next === -1 ? summary.length : next;
    lines.push({ start: at, end: end > at && summary[end - 1] === "\r" ? end - 1 : end });
    if (next === -1) break;
    at = next + 1;
  }
  let block: { start: number; end: number } | null = null;
  let inFence = false;
  const flush = () => {
    if (block === null) return;
    const raw = summary.slice(block.start, block.end);
    splitBlock(raw, format === "markdown" ? blankMarkdown(raw) : raw, block.start, out);
    block = null;
  };
  for (const { start, end } of lines) {
    const line = summary.slice(start, end);
    if (format === "markdown" && FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const blank = line.trim() === "";
    const heading = format === "markdown" ? HEADING.test(line) || RULE.test(line) : PLAIN_LABEL.test(line);
    if (blank || heading) {
      flush();
      continue;
    }
    const marker = LIST_MARKER.exec(line);
    if (marker) {
      flush();
      block = { start: start + marker[0].length, end };
      continue;
    }
    // Plain text keeps one paragraph per line; markdown joins soft-wrapped lines.
    if (block !== null && format === "markdown") block.end = end;
    else {
      flush();
      block = { start: start + (line.length - line.trimStart().length), end };
    }
  }
  flush();
  return out;
}
