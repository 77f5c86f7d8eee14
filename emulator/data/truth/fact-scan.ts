export type FactKind = "money" | "number" | "date" | "time" | "phone" | "email" | "id" | "name";

/** A checkable detail found in a text; `before`/`after` are the neighbouring words, which tell a bare number's sense. */
export type FoundFact = { kind: FactKind; text: string; start: number; end: number; before: string; after: string };

const WEEKDAY = "(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)";
const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";

/** In priority order: a span taken by an earlier pattern is not looked at again. */
const patterns: readonly (readonly [FactKind, RegExp])[] = [
  ["email", /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu],
  ["phone", /(?<!\d)\d{3}-\d{3}-\d{4}(?!\d)/gu],
  ["id", /\b(?:INV|Q|WO|ACC|TCK|NW)-\d+\b|\b1Z[A-Z0-9]{16}\b|(?<![\d.,$])\d{12}(?!\d)/gu],
  ["money", /\$\d{1,3}(?:,\d{3})*(?:\.\d{2})?(?!\d)/gu],
  ["date", new RegExp(`(?:${WEEKDAY}, )?${MONTH} \\d{1,2}(?!\\d)|\\b${WEEKDAY}\\b`, "gu")],
  ["time", /(?<![\d:])\d{1,2}(?::\d{2})? (?:AM|PM)\b/gu],
  ["number", /(?<![\p{L}\p{N}$.,:/-])\d+(?:\.\d+)*%?(?![\p{L}\p{N}%]|[.,:/]\d)/gu],
];

const WORD = /[\p{L}\p{N}%'-]+/gu;

export function neighbours(text: string, start: number, end: number): { before: string; after: string } {
  const before = text.slice(Math.max(0, start - 40), start).match(WORD)?.at(-1) ?? "";
  const after = text.slice(end, end + 40).match(WORD)?.[0] ?? "";
  return { before: before.toLowerCase(), after: after.toLowerCase() };
}

const GLUE = /[\p{L}\p{N}\p{M}]/u;

/** Occurrences of `needle` not glued to a letter or digit on either side (nor to a decimal or list of digits). */
export function boundedIndexes(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  // A plain search and two character checks: a lookbehind pattern cannot skip ahead and is far slower.
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (before !== undefined && GLUE.test(before)) continue;
    if (after !== undefined && (GLUE.test(after) || (/[.,:]/.test(after) && /\d/.test(haystack[at + needle.length + 1] ?? "")))) continue;
    found.push(at);
  }
  return found;
}

/**
 * Every checkable fact in `text`: emails, phone numbers, ids (invoice, quote, work order, account,
 * ticket, order, tracking), money, dates, times, bare numbers, and the given people's names, longest
 * name first. Spans never overlap; the list is in text order.
 */
export function scanFacts(text: string, names: readonly string[]): FoundFact[] {
  const found: FoundFact[] = [];
  const taken = (start: number, end: number) => found.some((fact) => start < fact.end && fact.start < end);
  const add = (kind: FactKind, start: number, end: number) => {
    if (taken(start, end)) return;
    found.push({ kind, text: text.slice(start, end), start, end, ...neighbours(text, start, end) });
  };
  for (const [kind, pattern] of patterns) {
    for (const match of text.matchAll(pattern)) add(kind, match.index, match.index + match[0].length);
  }
  for (const name of [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (const index of boundedIndexes(text, name)) add("name", index, index + name.length);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whether a turn states a fact, as the transcript spells it: the same text, standing alone. A name is
 * also stated by its first word (agents introduce themselves by first name). A bare number must share a
 * neighbouring word ("30 minutes", "tier 2"), or "2" would match every turn that counts to two.
 */
export function statesFact(turn: string, fact: Pick<FoundFact, "kind" | "text" | "before" | "after">): boolean {
  if (fact.kind === "name") {
    const first = fact.text.split(" ")[0] ?? fact.text;
    return boundedIndexes(turn, fact.text).length > 0 || boundedIndexes(turn, first).length > 0;
  }
  const indexes = boundedIndexes(turn, fact.text);
  if (fact.kind !== "number" || fact.text.endsWith("%") || fact.text.includes(".")) return indexes.length > 0;
  return indexes.some((index) => {
    const around = neighbours(turn, index, index + fact.text.length);
    return (around.before !== "" && around.before === fact.before) || (around.after !== "" && around.after === fact.after);
  });
}

const STOPWORDS = new Set(
  "about after also and any are been before but call called can customer does for from had has have her his into its just more not now off once one our over said than that the their them then there they this through to was were what when which will with within would you your".split(
    " ",
  ),
);

/** Lower-cased words of four letters or more, stopwords left out: what a sentence without facts is matched on. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}{4,}/gu)) if (!STOPWORDS.has(word)) words.add(word);
  return words;
}
