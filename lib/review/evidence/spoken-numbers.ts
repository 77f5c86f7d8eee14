/** One number read from words: "one hundred twenty-nine", "third", "five". */
export type NumberChunk = {
  start: number;
  end: number;
  value: number;
  ordinal: boolean;
  /** A lone digit word ("five", "oh"), as phone numbers and ids are read out digit by digit. */
  digit: boolean;
};

/**
 * Number words in a row. A run splits into chunks where the grammar of one number breaks: "five five five"
 * is three chunks, "one twenty-nine" two, "twelve hundred thirty-four" one. `gaps[i]` is the text between
 * chunk i-1 and chunk i ("" for the first): a comma or "dash" there means the speaker grouped digits.
 */
export type NumberRun = { start: number; end: number; chunks: NumberChunk[]; gaps: string[] };

type WordKind = "unit" | "zero" | "teen" | "tens" | "hundred" | "thousand" | "million" | "and" | "a" | "repeat";
type Word = { kind: WordKind; value: number; ordinal: boolean; start: number; end: number };

const CARDINALS: Record<string, [WordKind, number]> = {
  zero: ["zero", 0], oh: ["zero", 0], o: ["zero", 0],
  one: ["unit", 1], two: ["unit", 2], three: ["unit", 3], four: ["unit", 4], five: ["unit", 5],
  six: ["unit", 6], seven: ["unit", 7], eight: ["unit", 8], nine: ["unit", 9],
  ten: ["teen", 10], eleven: ["teen", 11], twelve: ["teen", 12], thirteen: ["teen", 13], fourteen: ["teen", 14],
  fifteen: ["teen", 15], sixteen: ["teen", 16], seventeen: ["teen", 17], eighteen: ["teen", 18], nineteen: ["teen", 19],
  twenty: ["tens", 20], thirty: ["tens", 30], forty: ["tens", 40], fifty: ["tens", 50],
  sixty: ["tens", 60], seventy: ["tens", 70], eighty: ["tens", 80], ninety: ["tens", 90],
  hundred: ["hundred", 100], thousand: ["thousand", 1000], million: ["million", 1_000_000],
  and: ["and", 0], a: ["a", 0], double: ["repeat", 2], triple: ["repeat", 3],
};

const ORDINALS: Record<string, [WordKind, number]> = {
  first: ["unit", 1], second: ["unit", 2], third: ["unit", 3], fourth: ["unit", 4], fifth: ["unit", 5],
  sixth: ["unit", 6], seventh: ["unit", 7], eighth: ["unit", 8], ninth: ["unit", 9], tenth: ["teen", 10],
  eleventh: ["teen", 11], twelfth: ["teen", 12], thirteenth: ["teen", 13], fourteenth: ["teen", 14], fifteenth: ["teen", 15],
  sixteenth: ["teen", 16], seventeenth: ["teen", 17], eighteenth: ["teen", 18], nineteenth: ["teen", 19],
  twentieth: ["tens", 20], thirtieth: ["tens", 30], fortieth: ["tens", 40], fiftieth: ["tens", 50],
  sixtieth: ["tens", 60], seventieth: ["tens", 70], eightieth: ["tens", 80], ninetieth: ["tens", 90],
  hundredth: ["hundred", 100], thousandth: ["thousand", 1000],
};

const WORD = /[A-Za-z]+/g;
/** What may stand between two number words of one run: spaces, hyphens, commas, periods, "dash". */
const RUN_GAP = /^(?:[\s,.\-–]|dash|hyphen)*$/i;
/** What may stand inside one number: spaces and hyphens ("twenty-nine"). */
const CHUNK_GAP = /^[\s\-]*$/;

function wordAt(text: string, match: RegExpExecArray): Word | null {
  const lower = match[0].toLowerCase();
  const cardinal = CARDINALS[lower];
  const ordinal = cardinal ? undefined : ORDINALS[lower];
  const entry = cardinal ?? ordinal;
  if (!entry) return null;
  // "O" only counts between digits, and "oh" only before one: "oh, okay" is no zero.
  return { kind: entry[0], value: entry[1], ordinal: ordinal !== undefined, start: match.index, end: match.index + match[0].length };
}

/** Any number word at all: most turns have none and skip the scan. */
const ANY_NUMBER_WORD = new RegExp(`\\b(?:${[...Object.keys(CARDINALS), ...Object.keys(ORDINALS)].filter((word) => word.length > 1).join("|")})\\b`, "i");

/** Every run of number words in `text`, in order. */
export function findNumberRuns(text: string): NumberRun[] {
  if (!ANY_NUMBER_WORD.test(text)) return [];
  const words: Word[] = [];
  const runs: NumberRun[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = wordAt(text, match as RegExpExecArray);
    const previous = words[words.length - 1];
    if (word && (previous === undefined || RUN_GAP.test(text.slice(previous.end, word.start)))) {
      words.push(word);
      continue;
    }
    if (words.length > 0) runs.push(...toRuns(text, words));
    words.length = 0;
    if (word) words.push(word);
  }
  if (words.length > 0) runs.push(...toRuns(text, words));
  return runs;
}

type Open = { start: number; end: number; total: number; group: number; last: WordKind; ordinal: boolean; digit: boolean };

function canContinue(open: Open, word: Word, next: Word | undefined): boolean {
  if (open.ordinal || open.digit && open.last === "zero") return false;
  switch (word.kind) {
    case "unit":
      return open.last === "tens" || open.last === "hundred" || open.last === "thousand" || open.last === "million" || open.last === "and";
    case "teen":
    case "tens":
      return open.last === "hundred" || open.last === "thousand" || open.last === "million" || open.last === "and";
    case "hundred":
      return (open.last === "unit" || open.last === "teen" || open.last === "a") && open.group < 100;
    case "thousand":
      return open.total < 1000 && open.last !== "and";
    case "million":
      return open.total === 0 && open.last !== "and";
    case "and":
      return (open.last === "hundred" || open.last === "thousand" || open.last === "million") && next !== undefined && ["unit", "teen", "tens"].includes(next.kind);
    default:
      return false;
  }
}

function toRuns(text: string, words: Word[]): NumberRun[] {
  const runs: NumberRun[] = [];
  let chunks: NumberChunk[] = [];
  let gaps: string[] = [];
  let open: Open | null = null;
  let gapStart = -1;
  const close = () => {
    if (open === null) return;
    chunks.push({ start: open.start, end: open.end, value: open.total + open.group, ordinal: open.ordinal, digit: open.digit });
    gapStart = open.end;
    open = null;
  };
  const flush = () => {
    close();
    if (chunks.length > 0) runs.push({ start: chunks[0]!.start, end: chunks[chunks.length - 1]!.end, chunks, gaps });
    chunks = [];
    gaps = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (open !== null && CHUNK_GAP.test(text.slice((open as Open).end, word.start)) && canContinue(open, word, next)) {
      const current: Open = open;
      if (word.kind === "hundred") current.group = (current.group || 1) * 100;
      else if (word.kind === "thousand" || word.kind === "million") {
        current.total += (current.group || 1) * word.value;
        current.group = 0;
      } else current.group += word.value;
      current.last = word.kind;
      current.end = word.end;
      current.ordinal = word.ordinal;
      current.digit = false;
      continue;
    }
    close();
    // "a" and "and" only belong to a number inside one ("a hundred", "one hundred and five").
    if (word.kind === "and" || (word.kind === "a" && !(next && (next.kind === "hundred" || next.kind === "thousand")))) {
      flush();
      continue;
    }
    // "oh" and "o" are zeros only next to other digits.
    if (word.kind === "zero" && text.slice(word.start, word.end).toLowerCase() !== "zero") {
      const prev = chunks[chunks.length - 1];
      const nextIsDigit = next !== undefined && (next.kind === "unit" || next.kind === "zero") && !next.ordinal;
      // A capital "O" is a letter unless digits came before it ("W-O one two three").
      const letter = text.slice(word.start, word.end) === "O";
      if (!(prev && prev.digit) && (letter || !nextIsDigit)) {
        flush();
        continue;
      }
    }
    if (word.kind === "repeat") {
      // "double five" is two fives, read digit by digit.
      if (next && (next.kind === "unit" || next.kind === "zero") && !next.ordinal) {
        gaps.push(chunks.length === 0 ? "" : text.slice(gapStart, word.start));
        for (let r = 0; r < word.value; r++) {
          if (r > 0) gaps.push(" ");
          chunks.push({ start: word.start, end: next.end, value: next.value, ordinal: false, digit: true });
        }
        gapStart = next.end;
        i++;
      } else flush();
      continue;
    }
    gaps.push(chunks.length === 0 ? "" : text.slice(gapStart, word.start));
    open = {
      start: word.start,
      end: word.end,
      total: word.kind === "thousand" || word.kind === "million" ? word.value : 0,
      group: word.kind === "hundred" ? 100 : word.kind === "a" || word.kind === "thousand" || word.kind === "million" ? 0 : word.value,
      last: word.kind,
      ordinal: word.ordinal,
      digit: (word.kind === "unit" || word.kind === "zero") && !word.ordinal,
    };
  }
  flush();
  return runs;
}
