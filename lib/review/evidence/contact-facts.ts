import type { Fact } from "./evidence-fact";
import type { NumberRun } from "./spoken-numbers";

const WRITTEN_PHONE = /(?<![\w+])(?:\+?1[\s.-]?)?(?:\((\d{3})\)|(\d{3}))[\s.-]?(\d{3})[\s.-]?(\d{4})(?!\d)/g;
const WRITTEN_EMAIL = /\b[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
/** "jane dot doe at example dot com", "jane.doe at example.com". */
const SPOKEN_EMAIL =
  /\b([a-z0-9][a-z0-9._-]*(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9][a-z0-9._-]*)*)\s+at\s+([a-z0-9-]+(?:(?:\s+dot\s+|\.)[a-z0-9-]+)*(?:\s+dot\s+|\.)(?:com|net|org|io|co|us|edu|gov|info|biz|ca|uk|de))\b/gi;
const PREFIXED_ID = /\b([A-Z]{1,5})(?:-|‐|–)?(\d{3,})\b/g;
const CODE_ID = /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,}\b/g;
const VERSION_ID = /\b\d+(?:\.\d+){2,}\b/g;
const LONG_DIGITS = /(?<![\d,.$])\d{6,}(?!\d|[.,]\d)/g;
/** Letters before digits read out: "INV dash", "I-N-V", "W O". */
const SPOKEN_PREFIX = /(?:\b([A-Z]{1,5})|\b((?:[A-Z][\s-]){1,4}[A-Z]))(?:\s*[-–]\s*|\s+dash\s+|\s+)$/;
const ID_CUE = /\b(?:invoice|order|ticket|quote|account|work order|tracking|reference|confirmation|case|claim|number)(?:\s+(?:number|no\.?|#))?(?:\s+is)?\s*:?\s*$/i;
const SPEECH_WORDS = new Set(["dot", "underscore", "dash", "hyphen"]);

const phone = (text: string, start: number, end: number, digits: string): Fact => {
  const ten = digits.slice(-10);
  const label = `${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}`;
  return { kind: "phone", start, end, text: text.slice(start, end), label, keys: [`phone:${ten}`], accept: [`phone:${ten}`], measure: NaN, plain: ten };
};

const email = (text: string, start: number, end: number, address: string): Fact => {
  const lower = address.toLowerCase();
  return { kind: "email", start, end, text: text.slice(start, end), label: lower, keys: [`email:${lower}`], accept: [`email:${lower}`], measure: NaN, plain: lower };
};

const id = (text: string, start: number, end: number, prefix: string, digits: string): Fact => {
  const label = prefix ? `${prefix}-${digits}` : digits;
  const keys = prefix ? [`id:${prefix}${digits}`, `iddigits:${digits}`] : [`iddigits:${digits}`];
  return { kind: "id", start, end, text: text.slice(start, end), label, keys, accept: keys, measure: NaN, plain: prefix + digits };
};

const spokenPart = (words: string) =>
  words
    .split(/\s+/)
    .map((word) => (word.toLowerCase() === "dot" ? "." : word.toLowerCase() === "underscore" ? "_" : SPEECH_WORDS.has(word.toLowerCase()) ? "-" : word))
    .join("");

/** Phone numbers, email addresses and reference ids, written or read out ("five five five…", "jane dot doe at…"). */
export function findContactFacts(text: string, runs: readonly NumberRun[]): Fact[] {
  const facts: Fact[] = [];
  if (/\bat\s/i.test(text)) {
    for (const match of text.matchAll(SPOKEN_EMAIL)) {
      const local = match[1]!;
      // "I'll be at example.com" is no address: a spoken one has a separator word or a plain name before "at".
      if (/^(?:i|we|you|be|is|are|me|us|them|it|that|look|back|home|work)$/i.test(local)) continue;
      facts.push(email(text, match.index, match.index + match[0].length, `${spokenPart(local)}@${spokenPart(match[2]!)}`));
    }
  }
  if (text.includes("@")) for (const match of text.matchAll(WRITTEN_EMAIL)) facts.push(email(text, match.index, match.index + match[0].length, match[0]));
  if (!/\d/.test(text)) {
    facts.push(...spokenDigits(text, runs));
    return facts;
  }
  for (const match of text.matchAll(WRITTEN_PHONE)) {
    facts.push(phone(text, match.index, match.index + match[0].length, (match[1] ?? match[2])! + match[3]! + match[4]!));
  }
  for (const match of text.matchAll(PREFIXED_ID)) facts.push(id(text, match.index, match.index + match[0].length, match[1]!, match[2]!));
  for (const match of text.matchAll(CODE_ID)) {
    if (/^[A-Z]{1,5}\d+$/.test(match[0])) continue;
    const fact = id(text, match.index, match.index + match[0].length, "", match[0]);
    facts.push({ ...fact, keys: [`id:${match[0]}`], accept: [`id:${match[0]}`], label: match[0] });
  }
  for (const match of text.matchAll(VERSION_ID)) {
    facts.push({ ...id(text, match.index, match.index + match[0].length, "", match[0]), keys: [`id:v${match[0]}`], accept: [`id:v${match[0]}`] });
  }
  for (const match of text.matchAll(LONG_DIGITS)) facts.push(id(text, match.index, match.index + match[0].length, "", match[0]));
  facts.push(...spokenDigits(text, runs));
  return facts;
}

/** Phone numbers and ids read out digit by digit. */
function spokenDigits(text: string, runs: readonly NumberRun[]): Fact[] {
  const facts: Fact[] = [];
  for (const run of runs) {
    // Digits read out one by one, allowing a leading non-digit chunk to end before them.
    let first = run.chunks.length;
    while (first > 0 && run.chunks[first - 1]!.digit) first--;
    const digitChunks = run.chunks.slice(first);
    if (digitChunks.length < 3) continue;
    const digits = digitChunks.map((chunk) => String(chunk.value)).join("");
    const start = digitChunks[0]!.start;
    if (digits.length === 10 || (digits.length === 11 && digits.startsWith("1"))) {
      facts.push(phone(text, start, run.end, digits));
      continue;
    }
    const before = text.slice(Math.max(0, start - 24), start);
    const prefix = SPOKEN_PREFIX.exec(before);
    if (prefix) {
      const letters = (prefix[1] ?? prefix[2]!).replace(/[\s-]/g, "");
      facts.push(id(text, start - prefix[0].length, run.end, letters, digits));
    } else if (ID_CUE.test(before) && digits.length >= 4) facts.push(id(text, start, run.end, "", digits));
  }
  return facts;
}
