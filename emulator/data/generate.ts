import type {
  CallItem,
  Fixture,
  FixtureContact,
  FixtureUser,
  SmsItem,
  StoredSummary,
  TemplateKey,
} from "./fixture-schema";
import { fillTemplate } from "./fill-template";
import { namePools } from "./name-pools";
import { Prng } from "./prng";
import { scenarios, scenarioWeights, type Scenario } from "./scenarios";
import { spoken } from "./spoken-formats";
import { agents, alloLines, team } from "./team";
import { writeSummary } from "./write-summary";

export type GenerateOptions = {
  seed: number;
  /** Number of CALL items. About one SMS per nine calls is added, so SMS make up ~10% of items. */
  calls: number;
  /** Every item falls in the 30 days before this instant. */
  now: Date;
};

const DAY_SECONDS = 86_400;
const WINDOW_DAYS = 30;

type Person = { first: string; last: string; name: string; phone: string; email: string; zip: string };
type Counterpart = { person: Person; contact: FixtureContact | null };

/** ASCII-only local part, so contact emails always validate: "Renée O'Connell" → "renee.oconnell". */
function emailLocalPart(first: string, last: string): string {
  const ascii = (value: string) =>
    value
      .normalize("NFD")
      .replace(/[^a-zA-Z]/g, "")
      .toLowerCase();
  return `${ascii(first)}.${ascii(last)}`;
}

/** "+15551234567" → "555-123-4567", the way a number is read out. */
function phoneSpoken(number: string): string {
  const digits = number.slice(-10);
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}

class FixtureGenerator {
  private readonly rng: Prng;
  private readonly usedPhones = new Set<string>(Object.values(alloLines).map((line) => line.number));
  private readonly usedIds = new Set<string>();
  private readonly companyIds = new Map<string, string>();
  private readonly contacts: FixtureContact[] = [];
  private readonly people = new Map<string, Person>();

  constructor(private readonly options: GenerateOptions) {
    this.rng = new Prng(options.seed);
  }

  generate(): Fixture {
    const { calls, now, seed } = this.options;
    const contactCount = Math.min(20_000, Math.max(12, Math.ceil(calls / 3)));
    for (let i = 0; i < contactCount; i++) this.addContact();

    const items: (CallItem | SmsItem)[] = [];
    for (let i = 0; i < calls; i++) items.push(this.call());
    const messages = Math.round(calls / 9);
    for (let i = 0; i < messages; i++) items.push(this.sms());
    // Newest first, as Allo lists them; the id breaks ties so the order is total.
    items.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1));

    return {
      format: "redline-emulator/allo-fixture",
      version: 1,
      seed,
      now: spoken.instant(now),
      team: { id: team.id, name: team.name },
      users: agents.map((agent) => ({ ...agent })),
      allo_numbers: Object.values(alloLines).map((line) => ({ ...line })),
      contacts: this.contacts,
      items,
    };
  }

  /** A fresh id: `prefix` and random lowercase alphanumerics, never handed out twice. */
  private id(prefix: string, length = 10): string {
    for (;;) {
      const id = `${prefix}${this.rng.alnum(length)}`;
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  private phone(): string {
    for (;;) {
      const phone = `+1555${this.rng.digits(7)}`;
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }

  private person(): Person {
    const first = this.rng.pick(namePools.firstNames);
    const last = this.rng.pick(namePools.lastNames);
    return {
      first,
      last,
      name: `${first} ${last}`,
      phone: this.phone(),
      email: `${emailLocalPart(first, last)}@example.com`,
      zip: this.rng.pick(namePools.zipCodes),
    };
  }

  private addContact(): void {
    const person = this.person();
    let company: FixtureContact["company"] = null;
    const deals: FixtureContact["deals"] = [];
    if (this.rng.chance(0.55)) {
      const name = this.rng.pick(namePools.companies);
      let companyId = this.companyIds.get(name);
      if (companyId === undefined) {
        companyId = this.id("com-", 8);
        this.companyIds.set(name, companyId);
      }
      company = { id: companyId, name };
      const dealCount = this.rng.weighted([[0, 5], [1, 4], [2, 1]] as const);
      for (let i = 0; i < dealCount; i++) {
        deals.push({
          id: this.id("dea-", 8),
          name: this.rng.pick(namePools.dealNames),
          status: this.rng.weighted([["OPEN", 5], ["WON", 3], ["LOST", 2]] as const),
        });
      }
    }
    const contact: FixtureContact = { id: this.id("cnt-", 8), name: person.name, phone: person.phone, email: person.email, company, deals };
    this.contacts.push(contact);
    this.people.set(contact.id, person);
  }

  /** Mostly a known contact, a few regulars calling often; one in ten callers is not in the CRM. */
  private counterpart(unknownShare: number): Counterpart {
    if (this.rng.chance(unknownShare)) return { person: this.person(), contact: null };
    const skewed = this.rng.next() ** 2;
    const contact = this.contacts[Math.floor(skewed * this.contacts.length)] as FixtureContact;
    return { person: this.people.get(contact.id) as Person, contact };
  }

  /** A moment in the window, during working hours (08:00–19:00 UTC), at least `margin` seconds before now. */
  private date(margin: number): Date {
    const now = this.options.now.getTime();
    const today = Math.floor(now / 1000 / DAY_SECONDS) * DAY_SECONDS;
    for (;;) {
      const day = today - this.rng.int(0, WINDOW_DAYS - 1) * DAY_SECONDS;
      const seconds = day + this.rng.int(8 * 3600, 19 * 3600 - 1);
      const oldest = now / 1000 - WINDOW_DAYS * DAY_SECONDS;
      if (seconds + margin <= now / 1000 && seconds >= oldest) return new Date(seconds * 1000);
    }
  }

  /** Everything the conversation and its summaries mention, drawn once so they always agree. */
  private facts(scenario: Scenario, date: Date, agent: FixtureUser, who: Counterpart): Record<string, string> {
    const line = alloLines[scenario.line];
    const facts: Record<string, string> = {
      customer: who.person.name,
      customer_first: who.person.first,
      customer_last_spelled: spoken.spelled(who.person.last),
      agent: agent.name,
      agent_first: agent.name.split(" ")[0] ?? agent.name,
      team: team.name,
      email: who.contact?.email ?? who.person.email,
      phone_spoken: phoneSpoken(who.person.phone),
      line_spoken: phoneSpoken(line.number),
      zip: who.person.zip,
      transfer_to: scenario.transferTo,
      ...scenario.facts(this.rng, { date, company: who.contact?.company?.name ?? null }),
    };
    facts.topic = fillTemplate(scenario.topic, facts);
    facts.recap = fillTemplate(scenario.recap, facts);
    return facts;
  }

  private call(): CallItem {
    const scenarioId = this.rng.weighted(scenarioWeights);
    const scenario = scenarios[scenarioId];
    const direction = this.rng.chance(0.7) ? "INBOUND" : "OUTBOUND";
    const result =
      direction === "INBOUND"
        ? this.rng.weighted([["ANSWERED", 80], ["VOICEMAIL", 12], ["TRANSFERRED", 8]] as const)
        : this.rng.weighted([["ANSWERED", 72], ["VOICEMAIL", 25], ["TRANSFERRED", 3]] as const);
    const [fewest, most] =
      result === "VOICEMAIL"
        ? [2, 2]
        : this.rng.weighted([[[2, 6], 15], [[7, 20], 45], [[21, 40], 30], [[41, 60], 10]] as const);
    const turnCount = this.rng.int(fewest, most);
    const duration = result === "VOICEMAIL" ? this.rng.int(18, 75) : turnCount * this.rng.int(7, 13) + this.rng.int(0, 15);
    const who = this.counterpart(0.1);
    const agent = this.rng.pick(agents);
    const date = this.date(duration + 300);
    const id = this.id("cll-");
    const facts = this.facts(scenario, date, agent, who);
    const script = { scenario: scenarioId, seed: this.rng.seed(), turns: turnCount, facts };

    const recorded = result !== "VOICEMAIL" && this.rng.chance(0.92);
    const tags = this.rng.chance(0.25) ? [] : [...scenario.tags];
    if (result === "TRANSFERRED") tags.push("escalated");
    if (this.rng.chance(0.15)) tags.push("follow-up");
    if (who.contact?.deals.some((deal) => deal.status === "WON") && this.rng.chance(0.3)) tags.push("vip");

    const short = turnCount <= 6 || duration < 90;
    const roll = this.rng.next();
    const keys: TemplateKey[] =
      roll < 0.1 ? [] : roll < 0.25 ? ["MARKDOWN_CLASSIC", "MARKDOWN_SHORT_CALL"] : [short ? "MARKDOWN_SHORT_CALL" : "MARKDOWN_CLASSIC"];
    const summaries: StoredSummary[] = keys.map((key) => ({
      template_key: key,
      content: writeSummary(key, { direction, result, script }),
      // Summaries complete a minute or so after the call ends.
      updated_at: spoken.instant(new Date(date.getTime() + (duration + this.rng.int(20, 240)) * 1000)),
      updated_by: null,
    }));

    return {
      id,
      type: "CALL",
      direction,
      allo_number: alloLines[scenario.line].number,
      contact_number: who.person.phone,
      contact_id: who.contact?.id ?? null,
      user_id: agent.id,
      date: spoken.instant(date),
      tags,
      duration,
      result,
      recording_url: recorded ? `https://storage.example.com/allo/recordings/${id}.mp3` : null,
      script,
      summaries,
      summary_version: summaries.length > 0 ? 1 : 0,
    };
  }

  private sms(): SmsItem {
    const scenarioId = this.rng.weighted(scenarioWeights);
    const scenario = scenarios[scenarioId];
    const direction = this.rng.chance(0.5) ? "INBOUND" : "OUTBOUND";
    const who = this.counterpart(0.05);
    const agent = this.rng.pick(agents);
    const date = this.date(0);
    const id = this.id("msg-");
    const facts = this.facts(scenario, date, agent, who);
    const texts = scenario.sms(facts);
    const content = fillTemplate(this.rng.pick(direction === "INBOUND" ? texts.inbound : texts.outbound), facts);
    return {
      id,
      type: "SMS",
      direction,
      allo_number: alloLines[scenario.line].number,
      contact_number: who.person.phone,
      contact_id: who.contact?.id ?? null,
      user_id: agent.id,
      date: spoken.instant(date),
      tags: this.rng.chance(0.7) ? [] : [...scenario.tags],
      content,
      status:
        direction === "INBOUND"
          ? "DELIVERED"
          : this.rng.weighted([["DELIVERED", 85], ["SENT", 8], ["FAILED", 4], ["PENDING", 3]] as const),
      message_type: this.rng.weighted([["SMS", 85], ["WHATSAPP", 10], ["MMS", 5]] as const),
    };
  }
}

/**
 * Builds a deterministic data set: the same seed, call count and `now` always give deep-equal
 * fixtures. The result still goes through `fixtureSchema` before a store is built from it.
 */
export function generateFixture(options: GenerateOptions): Fixture {
  return new FixtureGenerator(options).generate();
}
