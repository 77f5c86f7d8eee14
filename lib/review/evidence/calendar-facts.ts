import { DAY_MS, type Fact, type FactContext } from "./evidence-fact";
import type { NumberChunk, NumberRun } from "./spoken-numbers";

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const WEEKDAY_OF: Record<string, number> = {};
WEEKDAY_NAMES.forEach((name, day) => {
  WEEKDAY_OF[name.toLowerCase()] = day;
  WEEKDAY_OF[name.slice(0, 3).toLowerCase()] = day;
});
Object.assign(WEEKDAY_OF, { tues: 2, wed: 3, weds: 3, thur: 4, thurs: 4 });
const MONTH_OF: Record<string, number> = {};
MONTH_NAMES.forEach((name, month) => {
  MONTH_OF[name.toLowerCase()] = month;
  MONTH_OF[name.slice(0, 3).toLowerCase()] = month;
});
MONTH_OF.sept = 8;

const UNIT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const UNIT_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const TEEN_WORDS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TEEN_ORDINALS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];

/** Days of the month as words, "third" or "twenty-first" or "twenty one", to their number. */
const DAY_WORDS = new Map<string, { day: number; ordinal: boolean }>();
UNIT_WORDS.forEach((word, i) => DAY_WORDS.set(word, { day: i + 1, ordinal: false }));
UNIT_ORDINALS.forEach((word, i) => DAY_WORDS.set(word, { day: i + 1, ordinal: true }));
TEEN_WORDS.forEach((word, i) => DAY_WORDS.set(word, { day: i + 10, ordinal: false }));
TEEN_ORDINALS.forEach((word, i) => DAY_WORDS.set(word, { day: i + 10, ordinal: true }));
DAY_WORDS.set("twenty", { day: 20, ordinal: false }).set("twentieth", { day: 20, ordinal: true });
DAY_WORDS.set("thirty", { day: 30, ordinal: false }).set("thirtieth", { day: 30, ordinal: true });
for (const [tens, base] of [["twenty", 20], ["thirty", 30]] as const) {
  const units = tens === "thirty" ? 1 : 9;
  for (let i = 0; i < units; i++) {
    DAY_WORDS.set(`${tens} ${UNIT_WORDS[i]}`, { day: base + i + 1, ordinal: false });
    DAY_WORDS.set(`${tens} ${UNIT_ORDINALS[i]}`, { day: base + i + 1, ordinal: true });
  }
}
const dayWordPattern = [...DAY_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(" ", "[\\s-]"))
  .join("|");

const WEEKDAY = "(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sun|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat)";
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?|((?:${dayWordPattern}))`;
const LEAD = `(?:${WEEKDAY}\\.?,?\\s+(?:the\\s+)?)?`;
const MONTH_DAY = new RegExp(`\\b${LEAD}${MONTH}\\.?\\s+(?:the\\s+)?(?:${DAY})\\b(?:,?\\s+(\\d{4})\\b)?`, "g");
const DAY_MONTH = new RegExp(`\\b${LEAD}(?:the\\s+)?(?:${DAY})\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, "g");
const SLASHED = new RegExp(`(?:\\b${WEEKDAY},?\\s+)?(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?![\\d/])`, "g");
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const RELATIVE = /\b(today|tonight|tomorrow|yesterday|the day after tomorrow|the day before yesterday)\b/gi;
const IN_DAYS = new RegExp(`\\b(?:in\\s+(a|an|\\d+|${UNIT_WORDS.join("|")}|${TEEN_WORDS.join("|")})\\s+(days?|weeks?)|(a|an|\\d+|${UNIT_WORDS.join("|")})\\s+(days?|weeks?)\\s+from\\s+(?:now|today))\\b`, "gi");
const BARE_WEEKDAY = new RegExp(`\\b(?:(next|this|last|coming|this coming|on)\\s+)?${WEEKDAY}\\b`, "gi");
const DAY_ONLY = new RegExp(`\\b(?:on|by|until|before|after|from|since)\\s+the\\s+(?:(\\d{1,2})(?:st|nd|rd|th)|(${dayWordPattern}))\\b`, "gi");

const TIME_MERIDIEM = /(?<![\d:])(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?/gi;
const TIME_PLAIN = /(?<![\d:/])(\d{1,2}):(\d{2})(?![\d:])(?!\s*[ap]\.?\s?m\b)/gi;
const TIME_NAMED = /\b(noon|midday|midnight)\b/gi;
const TIME_PAST = new RegExp(`\\b(half|quarter)\\s+(past|to|after)\\s+(${UNIT_WORDS.join("|")}|ten|eleven|twelve|\\d{1,2})\\b`, "gi");
const DAYPART_AFTER = /^(?:\s*o['’]?clock)?(?:\s*(?:([ap])\.?\s?m\b\.?|in the (morning)|in the (afternoon)|in the (evening)|at (night)|(tonight)))?/i;
const TIME_CUE_BEFORE = /\b(?:at|around|by|before|after|from|until|till|between)\s+$/i;

const dayOf = (year: number, month: number, day: number) => Date.UTC(year, month, day) / DAY_MS;
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday.

function dateLabel(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${WEEKDAY_NAMES[date.getUTCDay()]}, ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** The year that puts month/day nearest the call: "March 3" said in late December is next year's. */
function nearestDay(month: number, dom: number, callDay: number): number | null {
  const callYear = new Date(callDay * DAY_MS).getUTCFullYear();
  let best: number | null = null;
  for (const year of [callYear - 1, callYear, callYear + 1]) {
    const day = dayOf(year, month, dom);
    if (new Date(day * DAY_MS).getUTCDate() !== dom) continue;
    if (best === null || Math.abs(day - callDay) < Math.abs(best - callDay)) best = day;
  }
  return best;
}

function dateFact(text: string, start: number, end: number, day: number, weekday: number | null): Fact {
  const consistent = weekday === null || weekday === weekdayOf(day);
  const dom = new Date(day * DAY_MS).getUTCDate();
  return {
    kind: "date",
    start,
    end,
    text: text.slice(start, end),
    label: dateLabel(day),
    keys: [`date:${day}`, `wd:${weekdayOf(day)}`, `dom:${dom}`],
    // A weekday that is not this date's is a mistake of its own; nothing in a call backs it.
    accept: consistent ? [`date:${day}`, `domonly:${dom}`] : [`date:${day}:wd${weekday}`],
    measure: day,
    plain: "",
  };
}

function dayNumber(digits: string | undefined, words: string | undefined): number | null {
  if (digits !== undefined) return Number(digits);
  if (words === undefined) return null;
  return DAY_WORDS.get(words.toLowerCase().replace(/[\s-]+/, " "))?.day ?? null;
}

const capitalised = (word: string | undefined) => word === undefined || /^[A-Z]/.test(word);

/** Cheap tests that let most turns skip the date and time patterns: "Okay, done." has none. */
const MONTH_HINT = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const WEEKDAY_HINT = /\b(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)/i;
const RELATIVE_HINT = /\b(?:to(?:day|night|morrow)|yesterday|days?|weeks?)\b/i;
const DIGIT = /\d/;

function findDates(text: string, context: FactContext): Fact[] {
  const facts: Fact[] = [];
  const digits = DIGIT.test(text);
  const months = MONTH_HINT.test(text);
  const { callDay } = context;
  const push = (match: RegExpExecArray, weekdayWord: string | undefined, month: number, dom: number | null, year: string | undefined) => {
    if (dom === null || dom < 1 || dom > 31 || month < 0 || month > 11) return;
    const day = year ? dayOf(year.length === 2 ? 2000 + Number(year) : Number(year), month, dom) : nearestDay(month, dom, callDay);
    if (day === null) return;
    const weekday = weekdayWord ? WEEKDAY_OF[weekdayWord.toLowerCase()] ?? null : null;
    facts.push(dateFact(text, match.index, match.index + match[0].length, day, weekday));
  };
  if (months) for (const match of text.matchAll(MONTH_DAY)) {
    if (!capitalised(match[2]) || !capitalised(match[1])) continue;
    push(match, match[1], MONTH_OF[match[2]!.toLowerCase()]!, dayNumber(match[3], match[4]), match[5]);
  }
  if (months) for (const match of text.matchAll(DAY_MONTH)) {
    if (!capitalised(match[4]) || !capitalised(match[1])) continue;
    push(match, match[1], MONTH_OF[match[4]!.toLowerCase()]!, dayNumber(match[2], match[3]), match[5]);
  }
  if (digits) for (const match of text.matchAll(SLASHED)) {
    push(match, match[1], Number(match[2]) - 1, Number(match[3]), match[4]);
  }
  if (digits) for (const match of text.matchAll(ISO_DATE)) {
    push(match, undefined, Number(match[2]) - 1, Number(match[3]), match[1]);
  }
  const relative = RELATIVE_HINT.test(text);
  if (relative) for (const match of text.matchAll(RELATIVE)) {
    const word = match[1]!.toLowerCase();
    const offset = word === "tomorrow" ? 1 : word === "yesterday" ? -1 : word.includes("after") ? 2 : word.includes("before") ? -2 : 0;
    facts.push({ ...dateFact(text, match.index, match.index + match[0].length, callDay + offset, null), weak: offset === 0 });
  }
  if (relative) for (const match of text.matchAll(IN_DAYS)) {
    const amountWord = (match[1] ?? match[3])!.toLowerCase();
    const unit = (match[2] ?? match[4])!.toLowerCase();
    const amount = /^\d+$/.test(amountWord) ? Number(amountWord) : amountWord === "a" || amountWord === "an" ? 1 : UNIT_WORDS.indexOf(amountWord) + 1 || TEEN_WORDS.indexOf(amountWord) + 10;
    facts.push(dateFact(text, match.index, match.index + match[0].length, callDay + amount * (unit.startsWith("week") ? 7 : 1), null));
  }
  if (WEEKDAY_HINT.test(text)) for (const match of text.matchAll(BARE_WEEKDAY)) {
    if (!capitalised(match[2])) continue;
    const weekday = WEEKDAY_OF[match[2]!.toLowerCase()]!;
    const modifier = match[1]?.toLowerCase();
    const ahead = ((weekday - weekdayOf(callDay) + 7) % 7) || 7;
    // "next Tuesday" means the coming one to some and the one after to others; both count.
    const days = modifier === "last" ? [callDay - ((7 - ahead) || 7)] : modifier === "next" ? [callDay + ahead, callDay + ahead + 7] : [callDay + ahead, callDay + ahead - 7];
    const [first] = days;
    facts.push({
      kind: "date",
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      label: WEEKDAY_NAMES[weekday]!,
      keys: [`wd:${weekday}`, ...days.map((day) => `date:${day}`)],
      accept: [`wd:${weekday}`, ...days.map((day) => `date:${day}`)],
      measure: first!,
      plain: "",
    });
  }
  if (/\bthe\s/i.test(text)) for (const match of text.matchAll(DAY_ONLY)) {
    const dom = dayNumber(match[1], match[2]);
    if (dom === null || dom < 1 || dom > 31) continue;
    const start = match.index + match[0].toLowerCase().lastIndexOf("the");
    facts.push({
      kind: "date",
      start,
      end: match.index + match[0].length,
      text: text.slice(start, match.index + match[0].length),
      label: `the ${dom}${dom % 10 === 1 && dom !== 11 ? "st" : dom % 10 === 2 && dom !== 12 ? "nd" : dom % 10 === 3 && dom !== 13 ? "rd" : "th"}`,
      keys: [`domonly:${dom}`],
      accept: [`domonly:${dom}`, `dom:${dom}`],
      measure: NaN,
      plain: String(dom),
      weak: true,
    });
  }
  return facts;
}

function timeFact(text: string, start: number, end: number, hour: number, minute: number, meridiem: "a" | "p" | null): Fact | null {
  if (minute > 59 || hour > 23 || (meridiem !== null && (hour < 1 || hour > 12))) return null;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const clock = `${h12}:${String(minute).padStart(2, "0")}`;
  const known = meridiem !== null || hour > 12 || hour === 0;
  const minutes = meridiem === null ? hour * 60 + minute : ((hour % 12) + (meridiem === "p" ? 12 : 0)) * 60 + minute;
  const half = minutes >= 720 ? "PM" : "AM";
  return {
    kind: "time",
    start,
    end,
    text: text.slice(start, end),
    label: known ? `${clock} ${half}` : clock,
    keys: known ? [`time:${minutes}`, `t12:${clock}`] : [`t12:${clock}`],
    accept: known ? [`time:${minutes}`, `t12:${clock}`] : [`t12:${clock}`],
    measure: known ? minutes : (minutes % 720),
    plain: "",
  };
}

function findTimes(text: string, runs: readonly NumberRun[]): Fact[] {
  const facts: Fact[] = [];
  const digits = DIGIT.test(text);
  const add = (fact: Fact | null) => fact && facts.push(fact);
  if (digits) for (const match of text.matchAll(TIME_MERIDIEM)) {
    add(timeFact(text, match.index, match.index + match[0].length, Number(match[1]), Number(match[2] ?? 0), match[3]!.toLowerCase() as "a" | "p"));
  }
  if (digits) for (const match of text.matchAll(TIME_PLAIN)) {
    add(timeFact(text, match.index, match.index + match[0].length, Number(match[1]), Number(match[2]), null));
  }
  if (/noon|midday|midnight/i.test(text)) for (const match of text.matchAll(TIME_NAMED)) {
    const word = match[1]!.toLowerCase();
    add(timeFact(text, match.index, match.index + match[0].length, word === "midnight" ? 12 : 12, 0, word === "midnight" ? "a" : "p"));
  }
  if (/half|quarter/i.test(text)) for (const match of text.matchAll(TIME_PAST)) {
    const hourWord = match[3]!.toLowerCase();
    let hour = /^\d+$/.test(hourWord) ? Number(hourWord) : UNIT_WORDS.indexOf(hourWord) + 1 || TEEN_WORDS.indexOf(hourWord) + 10;
    let minute = match[1]!.toLowerCase() === "half" ? 30 : 15;
    if (match[2]!.toLowerCase() === "to") {
      hour = hour === 1 ? 12 : hour - 1;
      minute = 60 - minute;
    }
    const daypart = DAYPART_AFTER.exec(text.slice(match.index + match[0].length));
    const meridiem = meridiemOf(daypart);
    add(timeFact(text, match.index, match.index + match[0].length + (daypart?.[0].length ?? 0), hour, minute, meridiem));
  }
  for (const run of runs) {
    const clock = clockOf(run);
    if (clock === null) continue;
    const { hourChunk, minute, minuteEnd } = clock;
    const daypart = DAYPART_AFTER.exec(text.slice(minuteEnd));
    const meridiem = meridiemOf(daypart);
    const spokenClock = daypart !== null && daypart[0].length > 0;
    const cued = TIME_CUE_BEFORE.test(text.slice(Math.max(0, hourChunk.start - 12), hourChunk.start));
    if (!spokenClock && !(cued && minuteEnd !== hourChunk.end)) continue;
    if (/^\s*(?:dollars?|bucks|percent|cents?)\b/i.test(text.slice(minuteEnd, minuteEnd + 12))) continue;
    add(timeFact(text, hourChunk.start, minuteEnd + (daypart?.[0].length ?? 0), hourChunk.value, minute, meridiem));
  }
  return facts;
}

/** The hour and minutes a run ends with: "two oh five", "two thirty", or a bare hour. */
function clockOf(run: NumberRun): { hourChunk: NumberChunk; minute: number; minuteEnd: number } | null {
  const chunks = run.chunks;
  const [a, b, c] = chunks.slice(-3);
  const valid = (hour: NumberChunk | undefined): hour is NumberChunk => hour !== undefined && !hour.ordinal && hour.value >= 1 && hour.value <= 12;
  if (chunks.length >= 3 && valid(a) && b!.value === 0 && b!.digit && c!.digit) return { hourChunk: a, minute: c!.value, minuteEnd: c!.end };
  const [h, m] = chunks.slice(-2);
  if (chunks.length >= 2 && valid(h) && !m!.ordinal && !m!.digit && m!.value >= 10 && m!.value <= 59) return { hourChunk: h, minute: m!.value, minuteEnd: m!.end };
  if (chunks.length === 1 && valid(a)) return { hourChunk: a, minute: 0, minuteEnd: a.end };
  return null;
}

function meridiemOf(daypart: RegExpExecArray | null): "a" | "p" | null {
  if (!daypart) return null;
  if (daypart[1]) return daypart[1].toLowerCase() as "a" | "p";
  if (daypart[2]) return "a";
  if (daypart[3] || daypart[4] || daypart[5] || daypart[6]) return "p";
  return null;
}

/** Dates (absolute, weekday, relative to the call's day) and times of day, digits or words. */
export function findCalendarFacts(text: string, runs: readonly NumberRun[], context: FactContext): Fact[] {
  return [...findDates(text, context), ...findTimes(text, runs)];
}
