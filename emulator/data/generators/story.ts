import { fillTemplate } from "../fill-template";
import type { Prng } from "../prng";
import type { CallShape } from "../render-transcript";
import { scenarios, scenarioWeights, type Scenario } from "../scenarios";
import { isoInstant } from "../spoken-formats";
import type { ScenarioId, TranscriptRecipe } from "../transcript-source";
import { phoneSpoken, type Person } from "./people";

export const DAY_SECONDS = 86_400;
const WINDOW_DAYS = 30;

/** Who is on the call and where it rang. */
export type Cast = {
  agentName: string;
  customer: Person;
  /** The email the agent reads back: the CRM's when the customer is a contact. */
  email: string;
  company: string | null;
  team: string;
  /** The business number the customer dialled (or was called from). */
  lineNumber: string;
};

/** A drawn call before any provider's shape: what happened, when, how long, and what was said. */
export type Story = CallShape & { scenario: ScenarioId; turns: number; date: Date };

/** Business lines are read out on every call; working them out once keeps one string per line. */
const spokenLines = new Map<string, string>();
function lineSpoken(number: string): string {
  let spokenLine = spokenLines.get(number);
  if (spokenLine === undefined) {
    spokenLine = phoneSpoken(number);
    spokenLines.set(number, spokenLine);
  }
  return spokenLine;
}

/** First names of the agents, split once. */
const firstNames = new Map<string, string>();
function firstName(name: string): string {
  let first = firstNames.get(name);
  if (first === undefined) {
    first = name.split(" ")[0] ?? name;
    firstNames.set(name, first);
  }
  return first;
}

/** `count` distinct indexes in [0, total), drawn from the stream: where the rare, extreme calls go. */
export function pickIndexes(rng: Prng, total: number, count: number): Set<number> {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, total)) picked.add(rng.int(0, total - 1));
  return picked;
}

/** How many of `total` calls get a rare trait with `share`: at least one in any non-empty data set. */
export function rareCount(total: number, share: number): number {
  return total === 0 ? 0 : Math.max(1, Math.round(total * share));
}

/**
 * Draws calls the same way for every provider: scenario mix, outcomes, lengths (2 to 200 turns, and
 * the marathon calls past 2,000), working-hour dates in the 30 days before `now`, and the facts the
 * transcript and every summary quote.
 */
export class Storyteller {
  constructor(
    private readonly rng: Prng,
    private readonly now: Date,
  ) {}

  scenario(): ScenarioId {
    return this.rng.weighted(scenarioWeights);
  }

  /** A call's shape; a marathon call is always a conversation. */
  story(scenario: ScenarioId, direction: CallShape["direction"], marathon: boolean): Story {
    const outcome: CallShape["outcome"] = marathon
      ? "answered"
      : direction === "inbound"
        ? this.rng.weighted([["answered", 80], ["voicemail", 12], ["transferred", 8]] as const)
        : this.rng.weighted([["answered", 72], ["voicemail", 25], ["transferred", 3]] as const);
    const [fewest, most] =
      outcome === "voicemail"
        ? [2, 2]
        : marathon
          ? [2_001, 3_500]
          : this.rng.weighted([[[2, 6], 14], [[7, 20], 40], [[21, 40], 28], [[41, 80], 12], [[81, 200], 6]] as const);
    const turns = this.rng.int(fewest, most);
    const durationSec = outcome === "voicemail" ? this.rng.int(18, 75) : turns * this.rng.int(7, 13) + this.rng.int(0, 15);
    return { scenario, direction, outcome, durationSec, turns, date: this.date(durationSec + 300) };
  }

  /** A moment in the window, during working hours (08:00–19:00 UTC), at least `margin` seconds before now. */
  date(margin: number): Date {
    const now = this.now.getTime() / 1000;
    const today = Math.floor(now / DAY_SECONDS) * DAY_SECONDS;
    const oldest = now - WINDOW_DAYS * DAY_SECONDS;
    for (let attempt = 0; ; attempt++) {
      const day = today - this.rng.int(0, WINDOW_DAYS - 1) * DAY_SECONDS;
      const seconds = day + this.rng.int(8 * 3600, 19 * 3600 - 1);
      if (seconds + margin <= now && seconds >= oldest) return new Date(seconds * 1000);
      // A marathon call may not fit a working day near the window's edges: start it earlier in the window.
      if (attempt > 50) return new Date((oldest + this.rng.int(0, Math.max(0, now - margin - oldest))) * 1000);
    }
  }

  /** Everything the conversation and its summaries mention, drawn once so they always agree. */
  facts(scenario: Scenario, date: Date, cast: Cast): Record<string, string> {
    const facts: Record<string, string> = {
      customer: cast.customer.name,
      customer_first: cast.customer.first,
      customer_last_spelled: cast.customer.spelledLast,
      agent: cast.agentName,
      agent_first: firstName(cast.agentName),
      team: cast.team,
      email: cast.email,
      phone_spoken: cast.customer.phoneSpoken,
      line_spoken: lineSpoken(cast.lineNumber),
      zip: cast.customer.zip,
      transfer_to: scenario.transferTo,
      ...scenario.facts(this.rng, { date, company: cast.company }),
    };
    facts.topic = fillTemplate(scenario.topic, facts);
    facts.recap = fillTemplate(scenario.recap, facts);
    return facts;
  }

  recipe(story: Story, cast: Cast): TranscriptRecipe {
    const facts = this.facts(scenarios[story.scenario], story.date, cast);
    return { scenario: story.scenario, seed: this.rng.seed(), turns: story.turns, facts };
  }
}

/** ISO 8601 at second precision with `Z`. */
export const isoSeconds = (date: Date) => isoInstant(date.getTime(), false);

/** ISO 8601 with milliseconds, as Bland writes it. */
export const isoMillis = (date: Date) => isoInstant(date.getTime(), true);
