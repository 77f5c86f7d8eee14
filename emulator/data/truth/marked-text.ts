/**
 * Injected text travels through the summary writers wrapped in private-use characters, so its place in
 * the final text is known however the writer splits, joins or indents it. An opening mark names the
 * error (U+E000 + its number); U+E0FF closes it.
 */
const FIRST_OPEN = 0xe000;
export const CLOSE_MARK = "\uE0FF";

export function openMark(index: number): string {
  return String.fromCharCode(FIRST_OPEN + index);
}

export function marked(index: number, text: string): string {
  return `${openMark(index)}${text}${CLOSE_MARK}`;
}

/** The text without its marks, and where each marked piece ended up (by error number). */
export function unmark(text: string): { text: string; spans: Map<number, { start: number; end: number }> } {
  const spans = new Map<number, { start: number; end: number }>();
  const open: { index: number; start: number }[] = [];
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === CLOSE_MARK) {
      const piece = open.pop();
      if (piece !== undefined) spans.set(piece.index, { start: piece.start, end: out.length });
    } else if (code >= FIRST_OPEN && code < FIRST_OPEN + 0xff) open.push({ index: code - FIRST_OPEN, start: out.length });
    else out += char;
  }
  return { text: out, spans };
}
