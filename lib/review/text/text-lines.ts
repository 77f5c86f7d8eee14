export type LineEnding = "\n" | "\r\n" | "\r";

/** How a text's lines are put back together: the line ending and whether the text ends with one. */
export type TextLayout = { eol: LineEnding; finalNewline: boolean };

export type SplitText = {
  lines: string[];
  /** The most common line ending in the text, or null when it has no line break. */
  eol: LineEnding | null;
  finalNewline: boolean;
};

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Splits a text into lines without their endings. CRLF, LF and lone CR all end a line, so a
 * summary that went through a provider which rewrites line endings still compares line by line.
 * One final line ending is not a line of its own: "a\n" is ["a"] with finalNewline, "" is [].
 */
export function splitLines(text: string): SplitText {
  if (text === "") return { lines: [], eol: null, finalNewline: false };
  const lines = text.split(LINE_BREAK);
  const finalNewline = lines.length > 1 && lines[lines.length - 1] === "";
  if (finalNewline) lines.pop();
  return { lines, eol: dominantLineEnding(text), finalNewline };
}

/** The inverse of splitLines. A last empty line needs the final line ending to exist at all, so it gets one. */
export function joinLines(lines: readonly string[], layout: TextLayout): string {
  if (lines.length === 0) return "";
  const finalNewline = layout.finalNewline || lines[lines.length - 1] === "";
  return lines.join(layout.eol) + (finalNewline ? layout.eol : "");
}

function dominantLineEnding(text: string): LineEnding | null {
  const counts = new Map<LineEnding, number>();
  for (const match of text.matchAll(LINE_BREAK)) {
    const ending = match[0] as LineEnding;
    counts.set(ending, (counts.get(ending) ?? 0) + 1);
  }
  let best: LineEnding | null = null;
  for (const [ending, count] of counts) {
    if (best === null || count > (counts.get(best) ?? 0)) best = ending;
  }
  return best;
}
