import { namePools } from "../name-pools";
import { Prng } from "../prng";
import { spoken } from "../spoken-formats";
import type { Parts, SummaryEdit } from "../write-summary";
import { coversCommitment } from "./coverage";
import { boundedIndexes, scanFacts, statesFact, type FactKind, type FoundFact } from "./fact-scan";
import { marked } from "./marked-text";
import { splitSentences } from "./split-sentences";

export type ErrorKind =
  | "changed_amount"
  | "changed_date"
  | "changed_time"
  | "changed_number"
  | "changed_id"
  | "swapped_name"
  | "invented_commitment"
  | "dropped_commitment";

/** An error written into a summary. Changed and invented text is marked (see marked-text.ts) until located. */
export type PlannedError = { index: number; kind: ErrorKind; wrong: string | null; right: string | null };

/** What the injector may know of a call: its facts, its date, and the transcript's words. */
export type CallContext = { facts: Readonly<Record<string, string>>; date: Date; turns: () => readonly string[] };

const CHANGED: Partial<Record<FactKind, ErrorKind>> = {
  money: "changed_amount",
  date: "changed_date",
  time: "changed_time",
  number: "changed_number",
  id: "changed_id",
  name: "swapped_name",
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAY_MS = 86_400_000;

/** The people a summary may name: who called, who answered, who will visit. */
export function callNames(facts: Readonly<Record<string, string>>): string[] {
  return ["customer", "customer_first", "agent", "agent_first", "technician"].flatMap((name) => (facts[name] ? [facts[name]] : []));
}

const withCommas = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Digit slips: two neighbours swapped, or one digit off by one; never a leading zero. */
function digitSlips(digits: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] === digits[i + 1]) continue;
    out.add(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
  }
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[i]);
    for (const next of [digit - 1, digit + 1]) if (next >= 0 && next <= 9) out.add(digits.slice(0, i) + String(next) + digits.slice(i + 1));
  }
  return [...out].filter((value) => value !== digits && !(value.length > 1 && value.startsWith("0")));
}

/**
 * Writes summaries with known errors. One stream of its own, drawn once per summary, so the rest of the
 * data is the same as without errors.
 */
export class ErrorInjector {
  private readonly rng: Prng;

  constructor(
    seed: number,
    private readonly rate: number,
  ) {
    this.rng = new Prng(seed);
  }

  /** The edit for one summary, or null when this one is written as the call went. */
  plan(call: CallContext): (SummaryEdit & { errors: PlannedError[] }) | null {
    if (!this.rng.chance(this.rate)) return null;
    const count = this.rng.weighted([[1, 6], [2, 3], [3, 1]] as const);
    const errors: PlannedError[] = [];
    const names = callNames(call.facts);
    return {
      errors,
      parts: (parts) => this.editParts(parts, count, call, names, errors),
      short: (text) => this.editTexts([text], count, call, names, errors, "append")[0] as string,
    };
  }

  private editParts(parts: Parts, count: number, call: CallContext, names: string[], errors: PlannedError[]): Parts {
    let commitments = [...parts.commitments];
    let nextSteps = [...parts.nextSteps];
    let budget = count;
    // A drop first, so what is left is judged on the summary as the call went.
    if (this.rng.chance(0.3)) {
      const dropped = this.drop(parts, call, names);
      if (dropped !== null) {
        errors.push({ index: errors.length, kind: "dropped_commitment", wrong: null, right: dropped });
        commitments = commitments.filter((item) => item !== dropped);
        nextSteps = nextSteps.filter((item) => item !== dropped);
        budget--;
      }
    }
    let invented = budget > 0 && this.rng.chance(0.25) ? this.invented(call, errors) : null;
    if (invented !== null) budget--;
    const texts = this.editTexts([parts.summary, ...commitments, ...nextSteps], budget, call, names, errors, "none");
    // Nothing else fitted: the summary still gets the error it was drawn for.
    if (errors.length === 0) invented = this.invented(call, errors);
    const edited = texts.slice(1, 1 + commitments.length).filter((item) => item !== "None yet." || invented === null);
    return {
      summary: texts[0] as string,
      commitments: invented === null ? edited : [...edited, invented],
      nextSteps: texts.slice(1 + commitments.length),
    };
  }

  /** A commitment or next step whose details no other sentence repeats, from a list that keeps one. */
  private drop(parts: Parts, call: CallContext, names: string[]): string | null {
    const lists = [parts.commitments.filter((item) => item !== "None yet."), parts.nextSteps].filter((list) => list.length >= 2);
    const candidates = lists.flat().filter((item) => {
      const rest = [parts.summary, ...parts.commitments, ...parts.nextSteps].filter((other) => other !== item).join("\n");
      return !coversCommitment(splitSentences(rest).map((sentence) => sentence.text), item, names) && call.turns().length > 0;
    });
    return candidates.length === 0 ? null : this.rng.pick(candidates);
  }

  private invented(call: CallContext, errors: PlannedError[]): string | null {
    const sentence = this.invent(call);
    if (sentence === null) return null;
    const index = errors.length;
    errors.push({ index, kind: "invented_commitment", wrong: sentence, right: null });
    return marked(index, sentence);
  }

  /**
   * Changes facts in place: `count` changes spread over the texts, each a fact occurrence whose right value
   * the transcript states and whose wrong value none of those turns does. "append" adds an invented
   * commitment as a last sentence (for one-paragraph summaries).
   */
  private editTexts(texts: string[], count: number, call: CallContext, names: string[], errors: PlannedError[], invent: "append" | "none"): string[] {
    const found = texts.flatMap((text, slot) => scanFacts(text, names).map((fact) => ({ slot, fact })));
    const changes: { slot: number; fact: FoundFact; wrong: string; index: number }[] = [];
    let budget = count;
    const append = (sentence: string) => {
      texts = [...texts];
      texts[texts.length - 1] = `${texts.at(-1) as string} ${sentence}`;
    };
    if (invent === "append" && this.rng.chance(0.25)) {
      const sentence = this.invented(call, errors);
      if (sentence !== null) {
        append(sentence);
        budget--;
      }
    }
    const pool = found.filter(({ fact }) => CHANGED[fact.kind] !== undefined);
    for (let attempt = 0; budget > 0 && attempt < 12 && pool.length > 0; attempt++) {
      // A kind first, then an occurrence of it: a summary full of names still gets its amounts changed.
      const kinds = [...new Set(pool.map(({ fact }) => fact.kind))];
      const kind = this.rng.pick(kinds);
      const options = pool.filter(({ fact }) => fact.kind === kind);
      const choice = this.rng.pick(options);
      pool.splice(pool.indexOf(choice), 1);
      const wrong = this.wrongValue(choice.fact, call);
      if (wrong === null) continue;
      const index = errors.length;
      errors.push({ index, kind: CHANGED[kind] as ErrorKind, wrong, right: choice.fact.text });
      changes.push({ ...choice, wrong, index });
      budget--;
    }
    if (invent === "append" && errors.length === 0) {
      const sentence = this.invented(call, errors);
      if (sentence !== null) append(sentence);
    }
    return texts.map((text, slot) => {
      let out = text;
      for (const change of changes.filter((entry) => entry.slot === slot).sort((a, b) => b.fact.start - a.fact.start)) {
        out = out.slice(0, change.fact.start) + marked(change.index, change.wrong) + out.slice(change.fact.end);
      }
      return out;
    });
  }

  /** A plausible wrong value the turns stating the right one never say; null when none fits. */
  private wrongValue(fact: FoundFact, call: CallContext): string | null {
    const turns = call.turns();
    const right = turns.filter((turn) => statesFact(turn, fact));
    if (right.length === 0) return null;
    for (let attempt = 0; attempt < 6; attempt++) {
      const wrong = this.variant(fact, call);
      if (wrong === null || wrong === fact.text) continue;
      const probe = { ...fact, text: wrong };
      if (right.some((turn) => statesFact(turn, probe) || boundedIndexes(turn, wrong).length > 0)) continue;
      return wrong;
    }
    return null;
  }

  private variant(fact: FoundFact, call: CallContext): string | null {
    const { text } = fact;
    switch (fact.kind) {
      case "money": {
        const [whole = "", cents] = text.slice(1).replaceAll(",", "").split(".");
        const slips = digitSlips(whole);
        return slips.length === 0 ? null : `$${withCommas(this.rng.pick(slips))}${cents === undefined ? "" : `.${cents}`}`;
      }
      case "id": {
        const digits = [...text.matchAll(/\d+/g)].at(-1);
        if (digits === undefined) return null;
        const slips = digitSlips(digits[0]).filter((value) => value.length === digits[0].length);
        return slips.length === 0 ? null : text.slice(0, digits.index) + this.rng.pick(slips) + text.slice(digits.index + digits[0].length);
      }
      case "number": {
        if (text.endsWith("%")) return `${Number(text.slice(0, -1)) + this.rng.pick([-5, 5, 10])}%`;
        if (text.includes(".")) return text.replace(/\d+$/, (last) => String(Number(last) + this.rng.int(1, 2)));
        const next = Number(text) + this.rng.pick([-2, -1, 1, 2, 3]);
        return next > 0 ? String(next) : String(Number(text) + 1);
      }
      case "date":
        return this.shiftedDate(text, call.date);
      case "time":
        return this.shiftedTime(text);
      case "name":
        return this.otherName(text, call.facts);
      default:
        return null;
    }
  }

  /** Another day, written the same way: "Tuesday, May 12" → "Thursday, May 14", with its own weekday. */
  private shiftedDate(text: string, callDate: Date): string | null {
    const weekdayOnly = WEEKDAYS.indexOf(text);
    if (weekdayOnly !== -1) return WEEKDAYS[(weekdayOnly + this.rng.pick([1, 2, 5, 6])) % 7] ?? null;
    const match = /(?:(\w+), )?(\w+) (\d{1,2})$/u.exec(text);
    if (match === null) return null;
    const month = MONTHS.indexOf(match[2] as string);
    if (month === -1) return null;
    // Generated dates lie within weeks of the call, so the year is the call's, or the next or last near New Year.
    let year = callDate.getUTCFullYear();
    if (month - callDate.getUTCMonth() > 6) year--;
    if (callDate.getUTCMonth() - month > 6) year++;
    const shifted = new Date(Date.UTC(year, month, Number(match[3])) + this.rng.pick([-3, -2, -1, 1, 2, 3, 7]) * DAY_MS);
    return match[1] === undefined ? spoken.shortDay(shifted) : spoken.day(shifted);
  }

  /** Half an hour or an hour earlier or later, still in working hours. */
  private shiftedTime(text: string): string | null {
    const match = /^(\d{1,2})(?::(\d{2}))? (AM|PM)$/u.exec(text);
    if (match === null) return null;
    const hours = (Number(match[1]) % 12) + (match[3] === "PM" ? 12 : 0);
    const minutes = hours * 60 + Number(match[2] ?? 0) + this.rng.pick(match[2] === undefined ? [-60, 60, 120] : [-60, -30, 30, 60]);
    if (minutes < 7 * 60 || minutes > 20 * 60) return null;
    const date = new Date(Date.UTC(2000, 0, 1, Math.floor(minutes / 60), minutes % 60));
    const written = spoken.time(date);
    return match[2] === undefined ? written.replace(":00", "") : written;
  }

  /** The other person on the call (agent ↔ customer), or someone from the name pools, in the same form. */
  private otherName(text: string, facts: Readonly<Record<string, string>>): string {
    const swaps: Record<string, string | undefined> = {
      [facts.customer ?? ""]: facts.agent,
      [facts.customer_first ?? ""]: facts.agent_first,
      [facts.agent ?? ""]: facts.customer,
      [facts.agent_first ?? ""]: facts.customer_first,
    };
    const swapped = swaps[text];
    if (swapped !== undefined && swapped !== text && this.rng.chance(0.5)) return swapped;
    const first = this.rng.pick(namePools.firstNames);
    return text.includes(" ") ? `${first} ${this.rng.pick(namePools.lastNames)}` : first;
  }

  /** A commitment nothing in the call supports: an amount or a day no turn mentions, in the summary's voice. */
  private invent(call: CallContext): string | null {
    const turns = call.turns();
    const unsaid = (value: string) => turns.every((turn) => boundedIndexes(turn, value).length === 0);
    const agent = call.facts.agent_first ?? "The agent";
    const customer = call.facts.customer_first ?? "the customer";
    for (let attempt = 0; attempt < 6; attempt++) {
      const money = spoken.money(this.rng.int(12, 240));
      const day = new Date(call.date.getTime() + this.rng.int(2, 12) * DAY_MS);
      const hour = new Date(Date.UTC(2000, 0, 1, this.rng.int(9, 16), this.rng.pick([0, 30])));
      const choices = [
        { text: `Refund of ${money} to the card on file within 3 business days.`, values: [money] },
        { text: `${agent} to call ${customer} back on ${spoken.day(day)}.`, values: [spoken.day(day), spoken.shortDay(day)] },
        { text: `Technician visit booked for ${spoken.day(day)} at ${spoken.time(hour)}.`, values: [spoken.day(day), spoken.shortDay(day), spoken.time(hour)] },
        { text: `A credit of ${money} on the next invoice.`, values: [money] },
        { text: `Service fee of ${money} waived for next month.`, values: [money] },
      ];
      const choice = this.rng.pick(choices);
      if (choice.values.every(unsaid)) return choice.text;
    }
    return null;
  }
}
