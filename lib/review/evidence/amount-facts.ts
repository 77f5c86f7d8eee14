import type { Fact, FactContext } from "./evidence-fact";
import type { NumberChunk, NumberRun } from "./spoken-numbers";

const WRITTEN_MONEY = /(?:\$|\bUSD\s?)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?:\s?(k|K|thousand|million)\b)?/g;
const MONEY_WORD_AFTER = /(?<![\d.,$])\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(?:dollars?|bucks|USD)\b/gi;
const WRITTEN_PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)/gi;
const WRITTEN_NUMBER = /(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w$]|[.,]\d)/g;
/** Words near a bare spoken number that make it an amount: "it's one twenty-nine a month". */
const MONEY_CUE_BEFORE = /\b(?:price[ds]?|cost(?:s|ing)?|charged?|charges|pay(?:ing)?|paid|refund(?:ed)?|credit(?:ed)?|fee|billed|rate|total|comes to|comes out to|discount(?:ed)?|for just|only)\b[^.?!]{0,24}$/i;
const MONEY_CUE_AFTER = /^\s*(?:a|per|each|every)\s+(?:month|year|week|location|site|camera|device)\b/i;
const DOLLARS_AFTER = /^\s*(?:dollars?|bucks)\b/i;
const CENTS_AFTER = /^\s*(?:and\s+)?$/i;
const PERCENT_AFTER = /^\s*(?:percent|per cent)\b/i;

const money = (text: string, start: number, end: number, cents: number): Fact => {
  const dollars = Math.floor(cents / 100);
  const label = `$${dollars.toLocaleString("en-US")}.${String(cents % 100).padStart(2, "0")}`;
  return {
    kind: "money",
    start,
    end,
    text: text.slice(start, end),
    label,
    keys: cents % 100 === 0 ? [`money:${cents}`, `num:${dollars}`] : [`money:${cents}`],
    accept: [`money:${cents}`],
    measure: cents,
    plain: label,
  };
};

const number = (text: string, start: number, end: number, value: number, percent: boolean): Fact => {
  const label = percent ? `${value}%` : String(value);
  return {
    kind: "number",
    start,
    end,
    text: text.slice(start, end),
    label,
    keys: percent ? [`pct:${value}`, `num:${value}`] : [`num:${value}`],
    accept: percent ? [`pct:${value}`, `num:${value}`] : [`num:${value}`],
    measure: value,
    plain: label,
  };
};

const parseDigits = (whole: string, fraction: string | undefined) => Number(whole.replace(/,/g, "") + (fraction ? `.${fraction}` : ""));

/** "one twenty-nine": a hundreds digit then a two-digit number, the way prices are said. */
function pairReading(a: NumberChunk, b: NumberChunk, gap: string): number | null {
  if (a.ordinal || b.ordinal || !/^\s+$/.test(gap)) return null;
  if (a.value < 1 || a.value > 99 || b.value < 10 || b.value > 99) return null;
  return a.value * 100 + b.value;
}

/** The amount a run reads as, taking its last number or a price-style pair at the end. */
function runAmount(run: NumberRun): { start: number; value: number } | null {
  const chunks = run.chunks;
  const last = chunks[chunks.length - 1]!;
  if (last.ordinal) return null;
  const before = chunks[chunks.length - 2];
  if (before) {
    const pair = pairReading(before, last, run.gaps[chunks.length - 1]!);
    if (pair !== null && !before.digit) return { start: before.start, value: pair };
    if (pair !== null && chunks.length === 2) return { start: before.start, value: pair };
  }
  return { start: last.start, value: last.value };
}

/** Money ("$1,234.50", "129 dollars", "one twenty-nine a month"), percentages and plain numbers, digits or words. */
export function findAmountFacts(text: string, runs: readonly NumberRun[], context: FactContext): Fact[] {
  const facts: Fact[] = [];
  if (/\d/.test(text)) facts.push(...writtenAmounts(text));
  if (runs.length > 0) facts.push(...spokenAmounts(text, runs, context));
  return facts;
}

function writtenAmounts(text: string): Fact[] {
  const facts: Fact[] = [];
  for (const match of text.matchAll(WRITTEN_MONEY)) {
    const scale = match[3] === "k" || match[3] === "K" || match[3] === "thousand" ? 1000 : match[3] === "million" ? 1_000_000 : 1;
    const cents = Math.round(parseDigits(match[1]!, match[2]?.padEnd(2, "0")) * 100 * scale);
    facts.push(money(text, match.index, match.index + match[0].length, cents));
  }
  for (const match of text.matchAll(MONEY_WORD_AFTER)) {
    facts.push(money(text, match.index, match.index + match[0].length, Math.round(parseDigits(match[1]!, match[2]?.padEnd(2, "0")) * 100)));
  }
  for (const match of text.matchAll(WRITTEN_PERCENT)) {
    facts.push(number(text, match.index, match.index + match[0].length, Number(match[1]), true));
  }
  for (const match of text.matchAll(WRITTEN_NUMBER)) {
    facts.push(number(text, match.index, match.index + match[0].length, parseDigits(match[1]!, match[2]), false));
  }
  return facts;
}

function spokenAmounts(text: string, runs: readonly NumberRun[], context: FactContext): Fact[] {
  const facts: Fact[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const after = text.slice(run.end, run.end + 40);
    const dollars = DOLLARS_AFTER.exec(after);
    const amount = runAmount(run);
    if (dollars && amount) {
      let end = run.end + dollars[0].length;
      let cents = amount.value * 100;
      const next = runs[r + 1];
      if (next && CENTS_AFTER.test(text.slice(end, next.start))) {
        const centsWord = /^\s*cents?\b/i.exec(text.slice(next.end, next.end + 10));
        const last = next.chunks[next.chunks.length - 1]!;
        if (centsWord && next.chunks.length === 1 && last.value < 100) {
          cents += last.value;
          end = next.end + centsWord[0].length;
          r++;
        }
      }
      facts.push(money(text, amount.start, end, cents));
      continue;
    }
    const percent = PERCENT_AFTER.exec(after);
    if (percent && amount) {
      facts.push(number(text, amount.start, run.end + percent[0].length, amount.value, true));
      continue;
    }
    if (amount && (MONEY_CUE_AFTER.test(after) || MONEY_CUE_BEFORE.test(text.slice(Math.max(0, amount.start - 40), amount.start)))) {
      const chunks = run.chunks;
      const spoken = chunks.length >= 2 && amount.start === chunks[chunks.length - 2]!.start;
      // A bare "five" near "price" is a count more often than an amount; pairs and tens are prices.
      if (spoken || amount.value >= 10) {
        facts.push(money(text, amount.start, run.end, amount.value * 100));
        continue;
      }
    }
    facts.push(...runNumbers(text, run, context));
  }
  return facts;
}

/** Plain numbers in a run: digits read one by one make one number ("nine four one oh seven"), others each count. */
function runNumbers(text: string, run: NumberRun, context: FactContext): Fact[] {
  const chunks = run.chunks;
  if (chunks.length >= 3 && chunks.every((chunk) => chunk.digit)) {
    const digits = chunks.map((chunk) => String(chunk.value)).join("");
    const fact = number(text, run.start, run.end, Number(digits), false);
    return [{ ...fact, keys: [...fact.keys, `iddigits:${digits}`], plain: digits }];
  }
  const facts: Fact[] = [];
  for (const chunk of chunks) {
    if (chunk.ordinal) continue;
    const word = text.slice(chunk.start, chunk.end).toLowerCase();
    if (context.summary && (word === "one" || word === "oh" || word === "o")) continue;
    facts.push(number(text, chunk.start, chunk.end, chunk.value, false));
  }
  return facts;
}
