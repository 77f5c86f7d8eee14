/** A sentence or bullet of a summary, with its place in the text. */
export type Sentence = { text: string; start: number; end: number };

const BREAK = /(?<=[.!?])\s+(?=[\p{Lu}\p{Lo}0-9])/gu;
const HEADING = /^#{1,6}\s/u;
const BULLET = /^\s*(?:[-*]|\d+\.)\s+/u;

/**
 * The sentences of a summary: each line (markdown headings and blank lines left out, a bullet's marker
 * too) split after `.`, `!` or `?` where the next sentence starts, as Quo splits its own summaries.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === "" || HEADING.test(line)) continue;
    const bodyStart = lineStart + (line.match(BULLET)?.[0].length ?? 0);
    const body = text.slice(bodyStart, lineStart + line.length);
    let from = 0;
    const push = (to: number) => {
      const raw = body.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const piece = raw.trim();
      if (piece !== "") sentences.push({ text: piece, start: bodyStart + from + lead, end: bodyStart + from + lead + piece.length });
    };
    for (const match of body.matchAll(BREAK)) {
      push(match.index);
      from = match.index + match[0].length;
    }
    push(body.length);
  }
  return sentences;
}
