import { Prng } from "../prng";
import { renderTurns, transcriptText } from "../render-transcript";
import { callCommitments, lazyTurns, SummaryAuthor, type SummaryAuthoring } from "../truth/summary-author";
import { summaryTruth } from "../truth/summary-truth";
import { scenarios } from "../scenarios";
import type { TwilioSection, TwilioSummary } from "../sections/twilio-section";
import type { TranscriptRecipe } from "../transcript-source";
import { agents, team } from "../team";
import { writePlainSummary } from "../write-summary";
import { People, type Person } from "./people";
import { isoSeconds, pickIndexes, rareCount, Storyteller } from "./story";
import { UniqueIds } from "./unique-ids";

/** Fixed, so the account and its memory store are the same for every seed. */
export const twilioAccountSid = "AC5e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b";
export const twilioStoreId = "mem_store_0northwindhomememory000001";

/** The contact-center number the conversations came in on. */
const CONTACT_CENTER_NUMBER = "+15550400100";
const MAX_CONTENT = 4_096;
const LONG_SHARE = 0.005;

/** A profile is one customer; a busy account has many, each with a history of conversations. */
function profileCount(calls: number): number {
  return Math.min(2_000, Math.max(3, Math.ceil(calls / 5)));
}

class TwilioGenerator {
  private readonly rng: Prng;
  private readonly people: People;
  private readonly stories: Storyteller;
  private readonly ids: UniqueIds;
  private readonly author: SummaryAuthor;

  constructor(
    seed: number,
    private readonly calls: number,
    now: Date,
    private readonly authoring: SummaryAuthoring = {},
  ) {
    this.author = new SummaryAuthor(authoring);
    this.rng = new Prng(seed);
    this.people = new People(this.rng);
    this.stories = new Storyteller(this.rng, now);
    this.ids = new UniqueIds(this.rng);
  }

  generate(): TwilioSection {
    const profiles = Array.from({ length: profileCount(this.calls) }, () => ({
      id: this.ids.ttid("mem_profile_"),
      person: this.people.person(),
      summaries: [] as { summary: TwilioSummary; ms: number }[],
    }));
    const long = pickIndexes(this.rng, this.calls, rareCount(this.calls, LONG_SHARE));
    for (let i = 0; i < this.calls; i++) {
      const profile = profiles[Math.floor(this.rng.next() ** 1.5 * profiles.length)] as (typeof profiles)[number];
      profile.summaries.push(this.summary(profile.person, long.has(i)));
    }
    return {
      accountSid: twilioAccountSid,
      stores: [
        {
          id: twilioStoreId,
          profiles: profiles.map((profile) => {
            const summaries = profile.summaries.sort((a, b) => b.ms - a.ms).map((entry) => entry.summary);
            return {
              id: profile.id,
              // Conversation Orchestrator creates a profile with the first conversation it resolves to nobody.
              ...(summaries.length > 0 ? { createdAt: (summaries.at(-1) as TwilioSummary).occurredAt } : {}),
              // The out-of-the-box "Contact" trait group, as identity resolution fills it from the channel and the CRM.
              traits: {
                Contact: { firstName: profile.person.first, lastName: profile.person.last, email: profile.person.email, phone: profile.person.phone },
              },
              summaries,
            };
          }),
        },
      ],
    };
  }

  private summary(customer: Person, long: boolean): { summary: TwilioSummary; ms: number } {
    const scenarioId = this.stories.scenario();
    const story = this.stories.story(scenarioId, this.rng.chance(0.7) ? "inbound" : "outbound", false);
    const agent = this.rng.pick(agents);
    const recipe = this.stories.recipe(story, {
      agentName: agent.name,
      customer,
      email: customer.email,
      company: null,
      team: team.name,
      lineNumber: CONTACT_CENTER_NUMBER,
    });
    const subject = { scenario: scenarioId, facts: recipe.facts, shape: story };
    const turns = lazyTurns(() => renderTurns({ recipe }, story).map((turn) => turn.text));
    const written = this.author.text({ facts: recipe.facts, date: story.date, turns }, (edit) => writePlainSummary(subject, {}, edit));
    let content = written.value;
    if (long) content = this.extended(content, recipe, scenarios[scenarioId].tags.join(", "));
    const occurredMs = story.date.getTime() + story.durationSec * 1000;
    const createdAt = isoSeconds(new Date(occurredMs + this.rng.int(20, 120) * 1000));
    const id = this.ids.ttid("mem_summary_");
    if (this.authoring.truth) {
      // Twilio serves no transcript: the turns still judge coverage, but nothing links to them.
      const source = { turns: turns(), linked: false };
      this.authoring.truth[id] = summaryTruth({
        units: [{ text: content, sources: [{ start: 0, end: Number.MAX_SAFE_INTEGER, source }], errors: written.texts[0]?.errors ?? [] }],
        names: written.names,
        commitments: callCommitments(subject, source),
        dropped: written.dropped.map((entry) => ({ ...entry, source })),
      });
    }
    return {
      summary: {
        id,
        conversationId: this.ids.ttid("conv_conversation_"),
        content,
        source: this.rng.weighted([["conversational_intelligence", 80], ["summary_operator", 15], ["conversations", 5]] as const),
        occurredAt: isoSeconds(new Date(occurredMs)),
        createdAt,
        updatedAt: createdAt,
      },
      ms: occurredMs,
    };
  }

  /** A summary with the conversation's notes appended, cut at a word just under the 4,096 limit. */
  private extended(content: string, recipe: TranscriptRecipe, topics: string): string {
    const notes = transcriptText({ recipe: { ...recipe, turns: 200 } }, { direction: "inbound", outcome: "answered", durationSec: 2_000 }).replace(/\s+/g, " ");
    const target = this.rng.int(MAX_CONTENT - 120, MAX_CONTENT);
    const full = `${content} Topics: ${topics}. Conversation notes: ${notes}`;
    if (full.length <= target) return full;
    const cut = full.slice(0, target);
    return cut.slice(0, cut.lastIndexOf(" ")).trimEnd();
  }
}

/** Twilio's account: one memory store, a profile per customer, a conversation summary per call. */
export function generateTwilioSection(options: { seed: number; calls: number; now: Date } & SummaryAuthoring): TwilioSection {
  return new TwilioGenerator(options.seed, options.calls, options.now, options).generate();
}
