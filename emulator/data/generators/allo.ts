import { fillTemplate } from "../fill-template";
import { namePools } from "../name-pools";
import { Prng } from "../prng";
import { renderTurns, type CallShape } from "../render-transcript";
import { scenarios } from "../scenarios";
import type { AlloContact, AlloSection, CallItem, SmsItem, StoredSummary, TemplateKey } from "../sections/allo-section";
import { agents, alloLines, team } from "../team";
import { summaryTruth } from "../truth/summary-truth";
import { callCommitments, lazyTurns, SummaryAuthor, type SummaryAuthoring } from "../truth/summary-author";
import { writeAlloSummary, type SummarySubject } from "../write-summary";
import { People, type Person } from "./people";
import { isoSeconds, pickIndexes, rareCount, Storyteller } from "./story";
import { UniqueIds } from "./unique-ids";

type Counterpart = { person: Person; contact: AlloContact | null };

/** Share of calls past 2,000 turns, and of those, how many carry a summary near Allo's 100,000 limit. */
const MARATHON_SHARE = 0.005;
const HUGE_SUMMARY_SHARE = 0.001;
const MAX_SUMMARY = 100_000;

const RESULTS = { answered: "ANSWERED", voicemail: "VOICEMAIL", transferred: "TRANSFERRED" } as const;

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;
}

/**
 * The classic summary with a turn-by-turn call log, cut at a line break just under `target`
 * characters: what a marathon call's notes look like when someone asked for "everything".
 */
function withCallLog(classic: string, call: Pick<CallItem, "transcript">, shape: CallShape, target: number): string {
  let out = `${classic}\n## Call log\n\n`;
  for (const turn of renderTurns(call.transcript, shape)) {
    const line = `- ${clock(turn.start)} ${turn.speaker === "agent" ? "Agent" : "Customer"}: ${turn.text}\n`;
    if (out.length + line.length > target) break;
    out += line;
  }
  return out;
}

class AlloGenerator {
  private readonly rng: Prng;
  private readonly people: People;
  private readonly stories: Storyteller;
  private readonly ids: UniqueIds;
  private readonly companyIds = new Map<string, string>();
  private readonly contacts: AlloContact[] = [];
  private readonly personOf = new Map<string, Person>();
  private readonly author: SummaryAuthor;

  constructor(
    seed: number,
    private readonly calls: number,
    private readonly now: Date,
    private readonly authoring: SummaryAuthoring = {},
  ) {
    this.author = new SummaryAuthor(authoring);
    this.rng = new Prng(seed);
    this.people = new People(this.rng, Object.values(alloLines).map((line) => line.number));
    this.stories = new Storyteller(this.rng, now);
    this.ids = new UniqueIds(this.rng);
  }

  generate(): AlloSection {
    const contactCount = Math.min(20_000, Math.max(12, Math.ceil(this.calls / 3)));
    for (let i = 0; i < contactCount; i++) this.addContact();

    const marathons = pickIndexes(this.rng, this.calls, rareCount(this.calls, MARATHON_SHARE));
    const hugeSummaries = new Set([...marathons].sort((a, b) => a - b).slice(0, rareCount(this.calls, HUGE_SUMMARY_SHARE)));
    const items: { item: CallItem | SmsItem; ms: number }[] = [];
    for (let i = 0; i < this.calls; i++) items.push(this.call(marathons.has(i), hugeSummaries.has(i)));
    const messages = Math.round(this.calls / 9);
    for (let i = 0; i < messages; i++) items.push(this.sms());
    // Newest first, as Allo lists them; the id breaks ties so the order is total.
    items.sort((a, b) => b.ms - a.ms || (a.item.id < b.item.id ? -1 : 1));

    return {
      team: { id: team.id, name: team.name },
      users: agents.map((agent) => ({ ...agent })),
      allo_numbers: Object.values(alloLines).map((line) => ({ ...line })),
      contacts: this.contacts,
      items: items.map((entry) => entry.item),
    };
  }

  private addContact(): void {
    const person = this.people.person();
    let company: AlloContact["company"] = null;
    const deals: AlloContact["deals"] = [];
    if (this.rng.chance(0.55)) {
      const name = this.rng.pick(namePools.companies);
      let companyId = this.companyIds.get(name);
      if (companyId === undefined) {
        companyId = this.ids.alnum("com-", 8);
        this.companyIds.set(name, companyId);
      }
      company = { id: companyId, name };
      const dealCount = this.rng.weighted([[0, 5], [1, 4], [2, 1]] as const);
      for (let i = 0; i < dealCount; i++) {
        deals.push({
          id: this.ids.alnum("dea-", 8),
          name: this.rng.pick(namePools.dealNames),
          status: this.rng.weighted([["OPEN", 5], ["WON", 3], ["LOST", 2]] as const),
        });
      }
    }
    const contact: AlloContact = { id: this.ids.alnum("cnt-", 8), name: person.name, phone: person.phone, email: person.email, company, deals };
    this.contacts.push(contact);
    this.personOf.set(contact.id, person);
  }

  /** Mostly a known contact, a few regulars calling often; some callers are not in the CRM. */
  private counterpart(unknownShare: number): Counterpart {
    if (this.rng.chance(unknownShare)) return { person: this.people.person(), contact: null };
    const skewed = this.rng.next() ** 2;
    const contact = this.contacts[Math.floor(skewed * this.contacts.length)] as AlloContact;
    return { person: this.personOf.get(contact.id) as Person, contact };
  }

  private call(marathon: boolean, hugeSummary: boolean): { item: CallItem; ms: number } {
    const scenarioId = this.stories.scenario();
    const scenario = scenarios[scenarioId];
    const story = this.stories.story(scenarioId, this.rng.chance(0.7) ? "inbound" : "outbound", marathon);
    const who = this.counterpart(0.1);
    const agent = this.rng.pick(agents);
    const line = alloLines[scenario.line];
    const id = this.ids.alnum("cll-", 10);
    const recipe = this.stories.recipe(story, {
      agentName: agent.name,
      customer: who.person,
      email: who.contact?.email ?? who.person.email,
      company: who.contact?.company?.name ?? null,
      team: team.name,
      lineNumber: line.number,
    });
    const result = RESULTS[story.outcome];

    const recorded = result !== "VOICEMAIL" && this.rng.chance(0.92);
    const tags = this.rng.chance(0.25) ? [] : [...scenario.tags];
    if (result === "TRANSFERRED") tags.push("escalated");
    if (this.rng.chance(0.15)) tags.push("follow-up");
    if (who.contact?.deals.some((deal) => deal.status === "WON") && this.rng.chance(0.3)) tags.push("vip");

    const short = story.turns <= 6 || story.durationSec < 90;
    const roll = this.rng.next();
    const keys: TemplateKey[] = hugeSummary
      ? ["MARKDOWN_CLASSIC"]
      : roll < 0.1
        ? []
        : roll < 0.25
          ? ["MARKDOWN_CLASSIC", "MARKDOWN_SHORT_CALL"]
          : [short ? "MARKDOWN_SHORT_CALL" : "MARKDOWN_CLASSIC"];
    const subject: SummarySubject = { scenario: scenarioId, facts: recipe.facts, shape: story };
    const transcript = { recipe };
    const turns = lazyTurns(() => renderTurns(transcript, story).map((turn) => turn.text));
    const summaries: StoredSummary[] = keys.map((key) => {
      const written = this.author.text({ facts: recipe.facts, date: story.date, turns }, (edit) => writeAlloSummary(key, subject, edit));
      let content = written.value;
      if (hugeSummary) content = withCallLog(content, { transcript }, story, this.rng.int(MAX_SUMMARY - 3_000, MAX_SUMMARY - 10));
      if (this.authoring.truth) {
        // Allo serves the transcript turn for turn as rendered.
        const source = { turns: turns(), linked: true };
        this.authoring.truth[`${id}#${key}`] = summaryTruth({
          units: [{ text: content, sources: [{ start: 0, end: Number.MAX_SAFE_INTEGER, source }], errors: written.texts[0]?.errors ?? [] }],
          names: written.names,
          commitments: callCommitments(subject, source),
          dropped: written.dropped.map((entry) => ({ ...entry, source })),
        });
      }
      return {
        template_key: key,
        content,
        // Summaries complete a minute or so after the call ends.
        updated_at: isoSeconds(new Date(story.date.getTime() + (story.durationSec + this.rng.int(20, 240)) * 1000)),
        updated_by: null,
      };
    });

    const item: CallItem = {
      id,
      type: "CALL",
      direction: story.direction === "inbound" ? "INBOUND" : "OUTBOUND",
      allo_number: line.number,
      contact_number: who.person.phone,
      contact_id: who.contact?.id ?? null,
      user_id: agent.id,
      date: isoSeconds(story.date),
      tags,
      duration: story.durationSec,
      result,
      recording_url: recorded ? `https://storage.example.com/allo/recordings/${id}.mp3` : null,
      transcript,
      summaries,
      summary_version: summaries.length > 0 ? 1 : 0,
    };
    return { item, ms: story.date.getTime() };
  }

  private sms(): { item: SmsItem; ms: number } {
    const scenarioId = this.stories.scenario();
    const scenario = scenarios[scenarioId];
    const direction = this.rng.chance(0.5) ? "INBOUND" : "OUTBOUND";
    const who = this.counterpart(0.05);
    const agent = this.rng.pick(agents);
    const date = this.stories.date(0);
    const id = this.ids.alnum("msg-", 10);
    const line = alloLines[scenario.line];
    const facts = this.stories.facts(scenario, date, {
      agentName: agent.name,
      customer: who.person,
      email: who.contact?.email ?? who.person.email,
      company: who.contact?.company?.name ?? null,
      team: team.name,
      lineNumber: line.number,
    });
    const texts = scenario.sms(facts);
    const content = fillTemplate(this.rng.pick(direction === "INBOUND" ? texts.inbound : texts.outbound), facts);
    const item: SmsItem = {
      id,
      type: "SMS",
      direction,
      allo_number: line.number,
      contact_number: who.person.phone,
      contact_id: who.contact?.id ?? null,
      user_id: agent.id,
      date: isoSeconds(date),
      tags: this.rng.chance(0.7) ? [] : [...scenario.tags],
      content: direction === "INBOUND" && this.rng.chance(0.1) ? `${content} 🙏` : content,
      status:
        direction === "INBOUND"
          ? "DELIVERED"
          : this.rng.weighted([["DELIVERED", 85], ["SENT", 8], ["FAILED", 4], ["PENDING", 3]] as const),
      message_type: this.rng.weighted([["SMS", 85], ["WHATSAPP", 10], ["MMS", 5]] as const),
    };
    return { item, ms: date.getTime() };
  }
}

/** Allo's workspace: Northwind Home's agents, three numbers, CRM contacts, calls and about 10% SMS. */
export function generateAlloSection(options: { seed: number; calls: number; now: Date } & SummaryAuthoring): AlloSection {
  return new AlloGenerator(options.seed, options.calls, options.now, options).generate();
}
