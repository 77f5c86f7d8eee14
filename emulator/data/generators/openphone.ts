import { namePools } from "../name-pools";
import { Prng } from "../prng";
import { scenarios } from "../scenarios";
import type { JobStatus, OpenPhoneCall, OpenPhoneContact, OpenPhoneSection } from "../sections/openphone-section";
import type { LineName } from "../team";
import { team } from "../team";
import { renderTurns } from "../render-transcript";
import { callCommitments, lazyTurns, SummaryAuthor, type SummaryAuthoring } from "../truth/summary-author";
import { summaryTruth } from "../truth/summary-truth";
import { writeQuoSummary } from "../write-summary";
import { People, type Person } from "./people";
import { DAY_SECONDS, isoSeconds, pickIndexes, rareCount, Storyteller } from "./story";
import { UniqueIds } from "./unique-ids";

/** The Quo workspace's people. Fixed, so ids are the same for every seed. The owner is on every number. */
export const quoUsers = [
  { id: "USjordanle1", name: "Jordan Lee", email: "jordan.lee@northwind-home.example", role: "owner" },
  { id: "USalexkim01", name: "Alex Kim", email: "alex.kim@northwind-home.example", role: "admin" },
  { id: "USsamortiz1", name: "Sam Ortiz", email: "sam.ortiz@northwind-home.example", role: "member" },
  { id: "USpriyanai1", name: "Priya Nair", email: "priya.nair@northwind-home.example", role: "member" },
  { id: "USleahchen1", name: "Leah Chen", email: "leah.chen@northwind-home.example", role: "member" },
  { id: "UStomasrey1", name: "Tomás Reyes", email: "tomas.reyes@northwind-home.example", role: "member" },
  { id: "USgraceowu1", name: "Grace Owusu", email: "grace.owusu@northwind-home.example", role: "member" },
] as const;

/** The workspace's Quo numbers, one per line a customer dials, and who answers each. */
export const quoNumbers: Record<LineName, { id: string; number: string; name: string; userIds: readonly string[] }> = {
  support: { id: "PNcare0001", number: "+15550200100", name: "Customer Care", userIds: ["USjordanle1", "USalexkim01", "USpriyanai1", "USleahchen1"] },
  sales: { id: "PNsales001", number: "+15550200200", name: "Sales", userIds: ["USjordanle1", "USsamortiz1", "USgraceowu1"] },
  billing: { id: "PNbill0001", number: "+15550200300", name: "Billing", userIds: ["USjordanle1", "UStomasrey1", "USalexkim01"] },
};

const nameOf = new Map<string, string>(quoUsers.map((user) => [user.id, user.name]));

/** Most people a line talks to are saved as contacts; the rest show as bare numbers in Quo too. */
const SAVED_AS_CONTACT = 0.85;

/** Quo lists calls one conversation at a time, so each number talks to a bounded set of people. */
function conversationsPerLine(calls: number): number {
  return Math.min(250, Math.max(3, Math.ceil(calls / 24)));
}

class OpenPhoneGenerator {
  private readonly rng: Prng;
  private readonly people: People;
  private readonly stories: Storyteller;
  private readonly ids: UniqueIds;
  private readonly customers: Record<LineName, Person[]> = { support: [], sales: [], billing: [] };
  private readonly author: SummaryAuthor;

  constructor(
    seed: number,
    private readonly calls: number,
    private readonly now: Date,
    private readonly authoring: SummaryAuthoring = {},
  ) {
    this.author = new SummaryAuthor(authoring);
    this.rng = new Prng(seed);
    this.people = new People(this.rng, Object.values(quoNumbers).map((line) => line.number));
    this.stories = new Storyteller(this.rng, now);
    this.ids = new UniqueIds(this.rng);
  }

  generate(): OpenPhoneSection {
    const marathons = pickIndexes(this.rng, this.calls, rareCount(this.calls, 0.005));
    const calls: { call: OpenPhoneCall; ms: number }[] = [];
    for (let i = 0; i < this.calls; i++) calls.push(this.call(marathons.has(i)));
    calls.sort((a, b) => b.ms - a.ms || (a.call.id < b.call.id ? -1 : 1));
    this.delaySummaries(calls.map((entry) => entry.call));
    // Summaries held back as in progress or failed are not served, so they have no truth either.
    const truth = this.authoring.truth;
    if (truth) for (const { call } of calls) if (call.summary.status !== "completed") delete truth[call.id];
    // Drawn last, so the calls are the same as before contacts were generated.
    const contacts = this.contacts();
    return {
      workspace: { name: team.name },
      users: quoUsers.map((user) => ({ ...user })),
      phoneNumbers: Object.values(quoNumbers).map((line) => ({ ...line, userIds: [...line.userIds] })),
      contacts,
      calls: calls.map((entry) => entry.call),
    };
  }

  /** The workspace's saved contacts: most of the people each line talked to, saved by someone on that line. */
  private contacts(): OpenPhoneContact[] {
    const contacts: OpenPhoneContact[] = [];
    for (const [lineName, people] of Object.entries(this.customers) as [LineName, Person[]][]) {
      for (const person of people) {
        if (!this.rng.chance(SAVED_AS_CONTACT)) continue;
        const createdAt = new Date(this.now.getTime() - this.rng.int(31, 400) * DAY_SECONDS * 1000);
        contacts.push({
          id: this.ids.hex(24),
          externalId: null,
          source: "public-api",
          defaultFields: {
            firstName: person.first,
            lastName: person.last,
            company: this.rng.chance(0.2) ? this.rng.pick(namePools.companies) : null,
            role: null,
            emails: [{ name: "email", value: person.email }],
            phoneNumbers: [{ name: "mobile", value: person.phone }],
          },
          createdAt: isoSeconds(createdAt),
          updatedAt: isoSeconds(createdAt),
          createdByUserId: this.rng.pick(quoNumbers[lineName].userIds),
        });
      }
    }
    return contacts;
  }

  /** A new person until the line has its share of conversations, then mostly regulars. */
  private customer(line: LineName): Person {
    const known = this.customers[line];
    if (known.length === 0 || (known.length < conversationsPerLine(this.calls) && this.rng.chance(0.5))) {
      const person = this.people.person();
      known.push(person);
      return person;
    }
    return known[Math.floor(this.rng.next() ** 2 * known.length)] as Person;
  }

  /** Transcripts and summaries come after the call; the newest are still being written. */
  private jobStatus(hasContent: boolean, endedMs: number): JobStatus {
    if (!hasContent) return "absent";
    if (this.now.getTime() - endedMs < 6 * 3_600_000) return "in-progress";
    return this.rng.chance(0.01) ? "absent" : "completed";
  }

  /**
   * Summaries "may arrive long after the call ends": some are still in progress, a few failed. Drawn
   * as counts, so even a small data set has each kind.
   */
  private delaySummaries(calls: OpenPhoneCall[]): void {
    const completed = calls.filter((call) => call.summary.status === "completed");
    const late = [...pickIndexes(this.rng, completed.length, rareCount(completed.length, 0.04))];
    late.forEach((index, at) => {
      const call = completed[index] as OpenPhoneCall;
      call.summary = { status: at % 4 === 0 ? "failed" : "in-progress", summary: null, nextSteps: null };
    });
  }

  private call(marathon: boolean): { call: OpenPhoneCall; ms: number } {
    const scenarioId = this.stories.scenario();
    const lineName = scenarios[scenarioId].line;
    const line = quoNumbers[lineName];
    const story = this.stories.story(scenarioId, this.rng.chance(0.65) ? "inbound" : "outbound", marathon);
    const customer = this.customer(lineName);
    const userId = this.rng.pick(line.userIds.slice(1));
    const recipe = this.stories.recipe(story, {
      agentName: nameOf.get(userId) ?? "Jordan Lee",
      customer,
      email: customer.email,
      company: null,
      team: team.name,
      lineNumber: line.number,
    });

    const incoming = story.direction === "inbound";
    const connected = story.outcome !== "voicemail";
    const createdMs = story.date.getTime();
    const answeredMs = connected ? createdMs + this.rng.int(3, 18) * 1000 : null;
    const completedMs = (answeredMs ?? createdMs) + story.durationSec * 1000;
    const aiHandled = incoming && connected && this.rng.chance(0.05);
    const transferredTo = story.outcome === "transferred" ? this.rng.pick(line.userIds.filter((id) => id !== userId)) : null;

    const transcriptStatus = this.jobStatus(connected, completedMs);
    let summaryStatus = this.jobStatus(connected && transcriptStatus === "completed", completedMs);
    if (summaryStatus === "completed" && story.turns <= 2) summaryStatus = "absent";
    const subject = { scenario: scenarioId, facts: recipe.facts, shape: story };
    const turns = lazyTurns(() => renderTurns({ recipe }, story).map((turn) => turn.text));
    const written =
      summaryStatus === "completed"
        ? this.author.write(
            { facts: recipe.facts, date: story.date, turns },
            (edit) => writeQuoSummary(subject, edit),
            (value) => [...value.summary, ...value.nextSteps],
            (clean, marked) => ({ summary: clean.slice(0, marked.summary.length), nextSteps: clean.slice(marked.summary.length) }),
          )
        : null;
    const summary = written?.value ?? null;
    const id = `AC${this.ids.hex(32)}`;
    if (written !== null && this.authoring.truth) {
      // Quo's dialogue is the rendered transcript, turn for turn.
      const source = { turns: turns(), linked: true };
      const count = written.value.summary.length;
      this.authoring.truth[id] = summaryTruth({
        units: written.texts.map((entry, index) => ({
          text: entry.text,
          place: index < count ? { part: "summary" as const, item: index } : { part: "nextSteps" as const, item: index - count },
          sources: [{ start: 0, end: Number.MAX_SAFE_INTEGER, source }],
          errors: entry.errors,
        })),
        names: written.names,
        commitments: callCommitments(subject, source),
        dropped: written.dropped.map((entry) => ({ ...entry, source })),
      });
    }

    const call: OpenPhoneCall = {
      id,
      phoneNumberId: line.id,
      userId,
      direction: incoming ? "incoming" : "outgoing",
      status: !connected ? (incoming ? "missed" : "no-answer") : transferredTo ? "forwarded" : "completed",
      participants: [customer.phone, line.number],
      duration: story.durationSec,
      createdAt: isoSeconds(story.date),
      answeredAt: answeredMs === null ? null : isoSeconds(new Date(answeredMs)),
      completedAt: isoSeconds(new Date(completedMs)),
      updatedAt: isoSeconds(new Date(completedMs + this.rng.int(1, 30) * 1000)),
      answeredBy: incoming && connected && !aiHandled ? userId : null,
      initiatedBy: incoming ? null : userId,
      callRoute: incoming ? (this.rng.chance(0.8) ? "phone-number" : "phone-menu") : null,
      forwardedFrom: transferredTo ? userId : null,
      forwardedTo: transferredTo,
      aiHandled: aiHandled ? "ai-agent" : null,
      transcript: { status: transcriptStatus, dialogue: transcriptStatus === "completed" ? { recipe } : null },
      summary: { status: summaryStatus, summary: summary?.summary ?? null, nextSteps: summary?.nextSteps ?? null },
    };
    return { call, ms: createdMs };
  }
}

/** Quo's workspace: three numbers, their users, and calls with a bounded set of people per number. */
export function generateOpenPhoneSection(options: { seed: number; calls: number; now: Date } & SummaryAuthoring): OpenPhoneSection {
  return new OpenPhoneGenerator(options.seed, options.calls, options.now, options).generate();
}
