import { providerIds, type ProviderId } from "../provider-id";
import { FIXTURE_FORMAT, type Fixture } from "./fixture-schema";
import { generateAlloSection } from "./generators/allo";
import { generateBlandSection } from "./generators/bland";
import { generateOpenPhoneSection } from "./generators/openphone";
import { generateTwilioSection } from "./generators/twilio";
import { Prng } from "./prng";
import { spoken } from "./spoken-formats";
import type { SummaryTruth, TruthSection } from "./truth/truth-schema";

export type GenerateOptions = {
  seed: number;
  /** Calls per provider. Allo adds about one SMS per nine calls; for Twilio a call is a conversation summary. */
  calls: number;
  /** Every call falls in the 30 days before this instant. */
  now: Date;
  /** The sections to generate; default all four. */
  providers?: readonly ProviderId[];
  /** Write this share (0..1) of AI summaries with known errors; default 0, the summaries as the calls went. */
  errors?: { rate: number };
  /** Add the `truth` section: every summary's sentences, facts, commitments and errors. */
  truth?: boolean;
};

const generators = {
  allo: generateAlloSection,
  openphone: generateOpenPhoneSection,
  bland: generateBlandSection,
  twilio: generateTwilioSection,
} as const;

/** Each provider draws from its own stream, so leaving one out does not change another's data. */
function providerSeed(seed: number, provider: ProviderId): number {
  if (provider === "allo") return seed >>> 0;
  return new Prng((seed ^ Math.imul(providerIds.indexOf(provider) + 1, 0x9e3779b1)) >>> 0).seed();
}

/**
 * Builds a deterministic fixture document: the same seed, call count and `now` always give deep-equal
 * documents. Generated data passes `fixtureSchema` (the tests hold it to that); the server does not
 * re-check it on every start.
 */
export function generateFixture(options: GenerateOptions): Fixture {
  const providers = options.providers ?? providerIds;
  const rate = options.errors?.rate ?? 0;
  if (!(rate >= 0 && rate <= 1)) throw new Error(`The error rate must be between 0 and 1, not ${rate}`);
  const fixture: Fixture = { format: FIXTURE_FORMAT, version: 2, seed: options.seed, now: spoken.instant(options.now) };
  const truth: TruthSection = {};
  for (const provider of providerIds) {
    if (!providers.includes(provider)) continue;
    const seed = providerSeed(options.seed, provider);
    const sink: Record<string, SummaryTruth> | undefined = options.truth ? {} : undefined;
    // Errors draw from a stream of their own, so the calls, people and ids are those of an error-free set.
    const section = { seed, calls: options.calls, now: options.now, errorRate: rate, errorSeed: (seed ^ 0x6e7272) >>> 0, ...(sink ? { truth: sink } : {}) };
    // Each generator returns its own section type; the loop keeps the four in one place.
    (fixture as Record<ProviderId, unknown>)[provider] = generators[provider](section);
    if (sink) truth[provider] = sink;
  }
  return options.truth ? { ...fixture, truth } : fixture;
}
