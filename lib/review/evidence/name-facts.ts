import type { Fact } from "./evidence-fact";

const keys = new Map<string, string>();

/** "Renée O'Connell" → "renee", "oconnell": how names compare, whatever the accents and apostrophes. */
export function nameKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    key = word
      .normalize("NFD")
      .replace(/['’]s$/u, "")
      .replace(/[^\p{L}\p{N}]/gu, "")
      .toLowerCase();
    // Memoised per word form: a call's vocabulary is small, and every word of every turn passes here.
    if (keys.size < 200_000) keys.set(word, key);
  }
  return key;
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const CAPITALISED = /^\p{Lu}['’]?\p{Ll}/u;
/** Capitalised words that are not people, or say nothing on their own. */
const NOT_NAMES = new Set(
  (
    "i im ill ive id ok okay am pm mr mrs ms dr hi hello hey thanks thank yes no please sure great perfect " +
    "customer customers agent agents caller client rep representative technician tech team support billing sales dispatch tier " +
    "wifi check confirm send review schedule verify remind ship " +
    "summary next steps step commitments commitment promised notes note action items follow followup outcome issue resolution " +
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "today tomorrow yesterday the a an and or but if then when after before on in at for to of by with from this that these those " +
    "he she they we you it his her their our your its there here what which who why how call called email text"
  ).split(" "),
);
/** Last words that make a capitalised run an organisation, not a person: "Redfern Architects", "Acme Inc". */
const ORGANISATION_WORDS = new Set(
  (
    "inc llc ltd co corp company companies group holdings partners associates architects architecture dental clinic clinics medical health " +
    "hospital pharmacy storage logistics services solutions systems consulting studio studios bakery cafe restaurant salon realty properties " +
    "construction builders plumbing electric hardware motors school academy university church bank insurance law legal labs foods farms " +
    "fitness gym management hoa"
  ).split(" "),
);
/** Articles and possessives before a capitalised word make it a thing ("the Pro plan"), not a person. */
const THING_BEFORE = /\b(?:the|a|an|our|your|their|his|her|its|this|that|my)\s+$/i;
/** What only a person does: after one of these, a capitalised first word is a name ("Kim asked…", "Alex to call…"). */
const NAME_VERBS = new Set(
  (
    "to asked called reported disputed wanted said agreed quoted offered explained requested accepted declined mentioned promised " +
    "apologized apologised verified issued updated applied found escalated booked rescheduled credited refunded power-cycled"
  ).split(" "),
);
/** Where a call says a name: "this is Kim", "my name is Jane Doe", "Alex speaking", "K-I-M". */
const NAME_WORD = String.raw`\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}'’-]+`;
const SAID_NAME = new RegExp(
  String.raw`\b(?:this is|my name is|name's|name is|it's|speaking with|talking to|for|Hi|Hello|Hey|Thanks|Thank you|with)[,\s]+(${NAME_WORD}(?:\s+${NAME_WORD})?)|(${NAME_WORD})\s+speaking\b`,
  "gu",
);
/** A speaker naming themself: "this is Kim", "my name is Jane Doe", "it's Alex from…", "Alex speaking". */
const SELF_NAME = new RegExp(
  // The lead words in either case ("My name is Alex" opens a sentence); the name itself must be capitalised.
  String.raw`\b(?:[Tt]his is|[Mm]y name is|[Nn]ame's|[Ii]t's|[Ii]t is)\s+(${NAME_WORD}(?:\s+${NAME_WORD})?)|(${NAME_WORD})\s+speaking\b`,
  "gu",
);
const SPELLED = /(?<![\p{L}-])((?:\p{Lu}[-.\s]){1,}\p{Lu})(?![\p{L}-])/gu;

function nameFact(text: string, start: number, end: number, words: string[]): Fact {
  const keys = words.map((word) => `word:${nameKey(word)}`);
  return {
    kind: "name",
    start,
    end,
    text: text.slice(start, end),
    label: text.slice(start, end),
    keys,
    // A full name stands on its given name: "Kofi Ueda" is not backed by a call with Ingrid Ueda in it,
    // while a surname the call never says (taken from a contact record) is no error.
    accept: keys.slice(0, 1),
    measure: NaN,
    plain: words.map(nameKey).join(" "),
  };
}

/** A spelled-out name, "K-I-M", as the word it spells, or null. */
export function spelledWord(letters: string): string | null {
  const word = letters.replace(/[-.\s]/g, "");
  return word.length >= 2 ? word : null;
}

/** People's names a summary states: capitalised words that are not sentence starts, articles' objects or common words. */
export function findSummaryNames(text: string): Fact[] {
  const facts: Fact[] = [];
  const words = [...text.matchAll(WORD)];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!CAPITALISED.test(word[0]) || NOT_NAMES.has(nameKey(word[0]))) continue;
    const sequence = [word];
    while (i + 1 < words.length) {
      const next = words[i + 1]!;
      const gap = text.slice(sequence[sequence.length - 1]!.index + sequence[sequence.length - 1]![0].length, next.index);
      if (gap !== " " || !CAPITALISED.test(next[0]) || NOT_NAMES.has(nameKey(next[0]))) break;
      sequence.push(next);
      i++;
    }
    const start = word.index;
    const last = sequence[sequence.length - 1]!;
    const before = text.slice(0, start);
    if (THING_BEFORE.test(before)) continue;
    if (sequence.length > 1 && ORGANISATION_WORDS.has(nameKey(last[0]))) continue;
    // "Harbor & Pine Realty": a name joined by an ampersand is a firm's.
    if (/^\s*&/.test(text.slice(last.index + last[0].length))) continue;
    const initial = /^[\s"'“(*_-]*$/.test(before) || /[.!?:;]\s*["'“(*_]*\s*$/.test(before);
    if (initial && sequence.length === 1) {
      const following = words[i + 1]?.[0].toLowerCase();
      const possessive = /['’]s$/.test(word[0]);
      // "Transferred to dispatch": a participle before "to" is no name.
      const participle = /(?:ed|ing|ly)$/i.test(word[0]);
      if (!possessive && (following === undefined || !NAME_VERBS.has(following) || participle)) continue;
    }
    facts.push(nameFact(text, start, last.index + last[0].length, sequence.map((match) => match[0])));
  }
  return facts;
}

/** The name a turn's speaker gives themself, as name keys (given name first), or null. */
export function findSelfName(text: string): { text: string; keys: string[] } | null {
  for (const match of text.matchAll(SELF_NAME)) {
    const name = (match[1] ?? match[2])!;
    const words = name.split(/\s+/).filter((word) => !NOT_NAMES.has(nameKey(word)));
    if (words.length > 0) return { text: words.join(" "), keys: words.map(nameKey) };
  }
  return null;
}

/** Names a turn says in so many words ("this is Kim", "K-I-M"): the evidence a wrong name is compared to. */
export function findSaidNames(text: string): Fact[] {
  const facts: Fact[] = [];
  for (const match of text.matchAll(SAID_NAME)) {
    const name = (match[1] ?? match[2])!;
    const words = name.split(/\s+/).filter((word) => !NOT_NAMES.has(nameKey(word)));
    if (words.length === 0) continue;
    const start = match.index + match[0].indexOf(name);
    facts.push(nameFact(text, start, start + name.length, words));
  }
  for (const match of text.matchAll(SPELLED)) {
    const word = spelledWord(match[1]!);
    if (word === null) continue;
    facts.push({ ...nameFact(text, match.index, match.index + match[0].length, [word]), label: word[0] + word.slice(1).toLowerCase() });
  }
  return facts;
}
