import { Bm25Index } from "./bm25-index";
import { DAY_MS, type Fact, type FactContext } from "./evidence-fact";
import type { EvidenceReport, EvidenceTurn, FactFlag, FactKind, MissedItem, SentenceLink } from "./evidence-types";
import { extractFacts } from "./extract-facts";
import { findSelfName, nameKey, spelledWord } from "./name-facts";
import { splitSummary } from "./split-summary";
import { termsOf } from "./text-terms";
import { findTurnItems, type TurnItem } from "./turn-items";

export type EvidenceIndex = {
  /** The summary checked against the call. Sentences seen in the previous call are not analysed again. */
  analyze(summary: string, format: "markdown" | "plain"): EvidenceReport;
};

export type EvidenceOptions = {
  /** When the call took place (ISO 8601): "tomorrow" and "Tuesday" are read from its day. */
  callDate: string;
  /** The participants as the provider names them; their names count as said even where the call only says a first name. */
  names?: readonly string[];
};

/** What one sentence yields, offsets relative to the sentence: kept while the sentence's text is unchanged. */
type SentenceResult = {
  keys: readonly string[];
  /** Its distinct terms: what a missed item said in other words would share. */
  terms: ReadonlySet<string>;
  links: { position: number; score: number }[];
  flags: Omit<FactFlag, "id" | "sentence">[];
};

const LINKS = 3;
/** A fact shared by a sentence and a turn adds this much, plus its rarity, to the turn's score. */
const FACT_BOOST = 2;
/** The turns a sentence comes from: its best link, and those within this share of its score. */
const COVERED_SHARE = 0.75;
/**
 * What only one side of a call does, said right after the name that opens a sentence: a customer asks,
 * reports, disputes and owns the device; an agent finds, issues, applies and escalates.
 */
const CUSTOMER_ACTS =
  /^(?:['’]s?\s+(?:[\p{L}-]+\s+){0,2}(?:hub|camera|cameras|doorbell|thermostat|sensor|system|order|account|invoice|plan|visit|installation)\b|\s+(?:asked (?:about|for|whether|if|to)|reported|disputed|called (?:to|about|in)|wanted|wants|rescheduled their|moved their|accepted|declined|was (?:charged|billed)|left a voicemail (?:about|asking)|cancell?ed\b[^.;]*\bbecause (?:they|he|she)\b))/iu;
const AGENT_ACTS = /^\s+(?:found|issued|applied|offered|quoted|escalated|booked|power-cycled|updated|credited|refunded|waived|logged|transferred)\b/i;
const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;
const SPELLED = /(?<![\p{L}-])((?:\p{Lu}[-.\s]){1,}\p{Lu})(?![\p{L}-])/gu;

let row = new Int32Array(64);

/** Levenshtein distance, one reused row: "the closest" compares a value with every distinct one of its kind. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

const wordCount = (text: string) => text.split(" ").length;

/** How far apart two values of one kind are: by number where both have one, else by spelling. */
function distance(a: Fact, b: Fact): number {
  if (Number.isFinite(a.measure) && Number.isFinite(b.measure)) return Math.abs(a.measure - b.measure) / Math.max(1, Math.abs(a.measure));
  // A full name stands in for a full name, a first name for a first name.
  if (a.kind === "name" && wordCount(a.plain) !== wordCount(b.plain)) return 2 + editDistance(a.plain, b.plain) / Math.max(1, a.plain.length);
  return editDistance((a.plain || a.label).toLowerCase(), (b.plain || b.label).toLowerCase()) / Math.max(1, (a.plain || a.label).length) + 1;
}

const turnLabel = (turn: EvidenceTurn) => `turn ${turn.index + 1}`;

/**
 * Indexes a call's turns once — terms for BM25, normalised facts, the commitments and dates a summary
 * should carry — and returns an analyser for its summary. Building is linear in the transcript.
 */
export function createEvidenceIndex(turns: readonly EvidenceTurn[], options: EvidenceOptions): EvidenceIndex {
  const callDay = Math.floor(Date.parse(options.callDate) / DAY_MS);
  const turnContext: FactContext = { callDay, summary: false };
  const summaryContext: FactContext = { callDay, summary: true };
  const turnFacts: Fact[][] = [];
  const keyTurns = new Map<string, number[]>();
  const byKind = new Map<FactKind, { position: number; fact: Fact }[]>();
  const items: TurnItem[] = [];
  const known = new Set<string>();
  for (const name of options.names ?? []) for (const word of name.match(WORD) ?? []) known.add(`word:${nameKey(word)}`);

  const addKey = (key: string, position: number) => {
    let list = keyTurns.get(key);
    if (list === undefined) keyTurns.set(key, (list = []));
    if (list[list.length - 1] !== position) list.push(position);
  };
  // Who each side says they are: a name one side gives itself, put where the other side's turn is meant.
  const sideNames = new Map<EvidenceTurn["speaker"], { position: number; fact: Fact }>();
  const sides = new Map<string, Set<EvidenceTurn["speaker"]>>();
  // Long calls repeat themselves ("Okay.", "Got it.", the same step again): each distinct text is read once.
  const readTexts = new Map<string, { facts: Fact[]; terms: string[] }>();
  const termLists = turns.map((turn, position) => {
    let read = readTexts.get(turn.text);
    if (read === undefined) readTexts.set(turn.text, (read = { facts: extractFacts(turn.text, turnContext), terms: termsOf(turn.text) }));
    const facts = read.facts;
    turnFacts.push(facts);
    for (const fact of facts) {
      for (const key of fact.keys) addKey(key, position);
      let list = byKind.get(fact.kind);
      if (list === undefined) byKind.set(fact.kind, (list = []));
      list.push({ position, fact });
    }
    // Every word a turn says backs a name; so does a name spelled out letter by letter.
    for (const word of turn.text.match(WORD) ?? []) {
      addKey(`word:${nameKey(word)}`, position);
      if (word.includes("-")) for (const part of word.split("-")) addKey(`word:${nameKey(part)}`, position);
    }
    for (const match of turn.text.matchAll(SPELLED)) {
      const word = spelledWord(match[1]!);
      if (word !== null) addKey(`word:${nameKey(word)}`, position);
    }
    const self = /\p{Lu}/u.test(turn.text) ? findSelfName(turn.text) : null;
    const said = self && facts.find((fact) => fact.kind === "name" && fact.keys[0] === `word:${self.keys[0]}`);
    if (said) {
      if (!sideNames.has(turn.speaker)) sideNames.set(turn.speaker, { position, fact: said });
      let side = sides.get(said.keys[0]!);
      if (side === undefined) sides.set(said.keys[0]!, (side = new Set()));
      side.add(turn.speaker);
    }
    items.push(...findTurnItems(turn, position, facts));
    return read.terms;
  });
  const bm25 = new Bm25Index(termLists);
  const common = Math.max(20, turns.length / 10);

  const supported = (fact: Fact) => fact.accept.some((key) => keyTurns.has(key) || known.has(key));

  function closestOf(fact: Fact, positions: Iterable<number>): { position: number; fact: Fact } | null {
    let best: { position: number; fact: Fact; distance: number } | null = null;
    for (const position of positions) {
      for (const candidate of turnFacts[position]!) {
        if (candidate.kind !== fact.kind) continue;
        const gap = distance(fact, candidate);
        if (best === null || gap < best.distance) best = { position, fact: candidate, distance: gap };
      }
    }
    return best;
  }

  // Every value of each kind, for "the closest" when the linked turns have none: numbers sorted for a
  // binary search, the rest once per distinct spelling.
  type Entry = { position: number; fact: Fact };
  const measured = new Map<FactKind, Entry[]>();
  const spelled = new Map<FactKind, Map<string, Entry>>();
  for (const [kind, entries] of byKind) {
    const numeric: Entry[] = [];
    const distinct = new Map<string, Entry>();
    for (const entry of entries) {
      if (Number.isFinite(entry.fact.measure)) numeric.push(entry);
      else if (!distinct.has(entry.fact.plain || entry.fact.label)) distinct.set(entry.fact.plain || entry.fact.label, entry);
    }
    measured.set(kind, numeric.sort((a, b) => a.fact.measure - b.fact.measure || a.position - b.position));
    spelled.set(kind, distinct);
  }

  function closestAnywhere(fact: Fact, near: number): Entry | null {
    let best: Entry | null = null;
    let bestGap = Infinity;
    const consider = (entry: Entry) => {
      const gap = distance(fact, entry.fact);
      if (gap < bestGap || (gap === bestGap && best !== null && Math.abs(entry.position - near) < Math.abs(best.position - near))) {
        best = entry;
        bestGap = gap;
      }
    };
    const numeric = measured.get(fact.kind) ?? [];
    if (Number.isFinite(fact.measure) && numeric.length > 0) {
      let lo = 0;
      let hi = numeric.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (numeric[mid]!.fact.measure < fact.measure) lo = mid + 1;
        else hi = mid;
      }
      for (const at of [lo - 1, lo]) if (numeric[at]) consider(numeric[at]);
      if (best !== null) return best;
    }
    for (const entry of spelled.get(fact.kind)?.values() ?? []) consider(entry);
    if (best === null) for (const entry of numeric.slice(0, 1)) consider(entry);
    return best;
  }

  /** Whose act a sentence opening on `fact` tells, by what follows the name, or null where it does not say. */
  function actorOf(fact: Fact, text: string): EvidenceTurn["speaker"] | null {
    const after = text.slice(fact.end);
    if (/['’]s$/u.test(fact.text)) return CUSTOMER_ACTS.test(`'s${after}`) ? "customer" : null;
    return CUSTOMER_ACTS.test(after) ? "customer" : AGENT_ACTS.test(after) ? "agent" : null;
  }

  /**
   * A sentence opening on the name of one side of the call while it tells of the other side, and naming
   * that side nowhere: "Alex Kim disputed the charge" where the customer introduced themself as Jane Kim
   * and Alex is the agent. Whose the sentence is comes from what the subject does ("asked", "reported",
   * a possessed device are the customer's; "issued", "applied", "escalated" the agent's); where the verb
   * does not say, from who speaks every turn it comes from.
   */
  function swappedName(fact: Fact, facts: readonly Fact[], text: string, linked: readonly number[]): { position: number; fact: Fact } | null {
    // The subject: the sentence's first words, after a label ("Latest (May 4): "), or a clause's after ";",
    // which is too often about the other side for the links to say whose it is: there only the verb does.
    const before = text.slice(0, fact.start);
    const opening = /^[\s*_"“(]*(?:[\p{L}-]+(?: \([^)]*\))?:\s+)?$/u.test(before);
    if (!opening && !/;\s+$/.test(before)) return null;
    const given = fact.keys[0]!;
    const actor = actorOf(fact, text);
    let speaker = actor;
    if (speaker === null) {
      if (!opening || linked.length === 0) return null;
      speaker = turns[linked[0]!]!.speaker;
      if (linked.some((position) => turns[position]!.speaker !== speaker)) return null;
      // An order number or amount both sides say ("I'm calling about order…", "I see order…") pins the
      // sentence to a turn without saying whose the sentence is.
      const bothSay = (other: Fact) => new Set(other.accept.flatMap((key) => keyTurns.get(key) ?? []).map((position) => turns[position]!.speaker)).size > 1;
      if (facts.some((other) => other.kind !== "name" && !other.weak && bothSay(other))) return null;
    }
    const own = sideNames.get(speaker);
    if (own === undefined || own.fact.keys[0] === given) return null;
    const side = sides.get(given);
    // A name the call never gives either side (a participant the provider names) is swapped only where the
    // verb says whose act it is; by the links alone, only a name the other side gave itself.
    if (side?.has(speaker) || !(side !== undefined || (actor !== null && known.has(given)))) return null;
    if (facts.some((other) => other.kind === "name" && other.keys[0] === own.fact.keys[0])) return null;
    return own;
  }

  function analyseSentence(text: string): SentenceResult {
    const facts = extractFacts(text, summaryContext);
    const extra = new Map<number, number>();
    for (const fact of facts) {
      // Names are words, which BM25 already weighs; a shared amount, date or id is what pins a turn.
      if (fact.kind === "name") continue;
      const seen = new Set<number>();
      for (const key of fact.accept) {
        const positions = keyTurns.get(key);
        // A value said all through the call ("today", "one") says nothing about where a sentence comes from.
        if (positions === undefined || positions.length > common) continue;
        const boost = FACT_BOOST + Math.log(1 + turns.length / positions.length);
        for (const position of positions) {
          if (seen.has(position)) continue;
          seen.add(position);
          extra.set(position, (extra.get(position) ?? 0) + boost);
        }
      }
    }
    const terms = termsOf(text);
    const links = bm25.search(terms, extra, LINKS).map(({ index, score }) => ({ position: index, score: Math.round(score * 1000) / 1000 }));
    const flags: SentenceResult["flags"] = [];
    const stated = new Set(facts.flatMap((fact) => fact.keys));
    const linkedPositions = links.map((link) => link.position);
    for (const fact of facts) {
      let linked: { position: number; fact: Fact } | null = null;
      // "today" and "the first" are too loose to hold against a call.
      if (fact.weak) continue;
      if (supported(fact)) {
        // Said somewhere, but the turns this sentence comes from say another value, and not this one:
        // "charged on March 13" where the charge turn says March 11 and March 13 is another date of the call.
        const top = links[0];
        if (top === undefined || fact.kind === "number") continue;
        if (fact.kind === "name") {
          // The turns it comes from: its best link and those nearly as close.
          const strong = links.filter((link) => link.score >= top.score * COVERED_SHARE).map((link) => link.position);
          linked = swappedName(fact, facts, text, strong);
          if (linked === null) continue;
        } else {
          if (linkedPositions.some((position) => turnFacts[position]!.some((other) => other.keys.some((key) => fact.accept.includes(key))))) continue;
          const rival = closestOf(fact, [top.position]);
          if (rival === null || rival.fact.weak || rival.fact.accept.some((key) => stated.has(key))) continue;
          linked = rival;
        }
      } else if (fact.kind === "name") {
        // People are named once, early in a call: a name the call does not say stands against the names it does.
        linked = closestAnywhere(fact, links[0]?.position ?? 0);
      } else linked = closestOf(fact, linkedPositions);
      const closest = linked ?? closestAnywhere(fact, links[0]?.position ?? 0);
      const evidence = closest && {
        turn: turns[closest.position]!.index,
        text: closest.fact.text,
        start: closest.fact.start,
        end: closest.fact.end,
      };
      const where = closest ? turnLabel(turns[closest.position]!) : "";
      // "one ninety-two ($192.00)": the words as said, and what they mean where that differs.
      const said = closest ? (closest.fact.text === closest.fact.label ? closest.fact.text : `${closest.fact.text} (${closest.fact.label})`) : "";
      flags.push({
        kind: fact.kind,
        start: fact.start,
        end: fact.end,
        text: fact.text,
        reason: linked ? "contradicted" : "absent",
        message: linked
          ? `${fact.text} does not match the call: ${where} says ${said}`
          : closest
            ? `${fact.text} is not said in the call; the closest is ${said}, ${where}`
            : `${fact.text} is not said in the call`,
        closest: evidence,
      });
    }
    return { keys: facts.flatMap((fact) => fact.keys), terms: new Set(terms), links, flags };
  }

  let cache = new Map<string, SentenceResult>();

  return {
    analyze(summary, format) {
      const split = splitSummary(summary, format);
      const next = new Map<string, SentenceResult>();
      const results = split.map((sentence) => {
        let result = next.get(sentence.matchText) ?? cache.get(sentence.matchText);
        if (result === undefined) result = analyseSentence(sentence.matchText);
        next.set(sentence.matchText, result);
        return result;
      });
      cache = next;

      const sentences = split.map(({ index, start, end, text }) => ({ index, start, end, text }));
      const links: SentenceLink[] = results.map((result, sentence) => ({
        sentence,
        turns: result.links.map((link) => ({ index: turns[link.position]!.index, score: link.score })),
      }));
      const flags: FactFlag[] = [];
      const occurrences = new Map<string, number>();
      results.forEach((result, sentence) => {
        const offset = split[sentence]!.start;
        for (const flag of result.flags) {
          const base = `${flag.kind}:${flag.text}`;
          const count = occurrences.get(base) ?? 0;
          occurrences.set(base, count + 1);
          flags.push({ ...flag, id: `${base}:${count}`, sentence, start: flag.start + offset, end: flag.end + offset });
        }
      });

      // Which sentences hold each fact and each term, for the items of the call the summary should carry.
      const keySentences = new Map<string, number[]>();
      const termSentences = new Map<string, number[]>();
      const post = (map: Map<string, number[]>, key: string, sentence: number) => {
        const list = map.get(key);
        if (list === undefined) map.set(key, [sentence]);
        else if (list[list.length - 1] !== sentence) list.push(sentence);
      };
      results.forEach((result, sentence) => {
        for (const key of result.keys) post(keySentences, key, sentence);
        for (const term of result.terms) post(termSentences, term, sentence);
      });
      const shares = (item: TurnItem, sentence: number) => item.terms.some((term) => results[sentence]!.terms.has(term) && !/^\p{N}+$/u.test(term));
      // Amounts, dates, ids and addresses are specific wherever the summary says them; a bare number
      // ("5 to 7 business days") only in a sentence that shares a word with the item.
      const held = (item: TurnItem, fact: TurnItem["facts"][number]) =>
        fact.accept.some((key) => (keySentences.get(key) ?? []).some((sentence) => !fact.number || shares(item, sentence)));
      const carried = (item: TurnItem): boolean => {
        if (item.facts.length > 0) return item.strict ? item.facts.every((fact) => held(item, fact)) : item.facts.some((fact) => held(item, fact));
        // Said in other words: one sentence shares half its terms, and at least two.
        const needed = Math.max(2, Math.ceil(item.terms.length / 2));
        const shared = new Map<number, number>();
        for (const term of item.terms) {
          for (const sentence of termSentences.get(term) ?? []) {
            const count = (shared.get(sentence) ?? 0) + 1;
            if (count >= needed) return true;
            shared.set(sentence, count);
          }
        }
        return false;
      };
      const missed: MissedItem[] = [];
      // Long calls say the same thing more than once: each is listed where it is first said.
      const listed = new Set<string>();
      for (const item of items) {
        if (listed.has(item.text) || carried(item)) continue;
        listed.add(item.text);
        missed.push({ turn: turns[item.position]!.index, kind: item.kind, text: item.text, start: item.start, end: item.end });
      }
      return { sentences, links, flags, missed };
    },
  };
}
