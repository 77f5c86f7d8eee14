import { providerIds, type ProviderId } from "../provider-id";
import { FIXTURE_FORMAT, type Fixture } from "./fixture-schema";
import { generateAlloSection } from "./generators/allo";
import { generateBlandSection } from "./generators/bland";
import { generateOpenPhoneSection } from "./generators/openphone";
import { generateTwilioSection } from "./generators/twilio";
import { Prng } from "./prng";
import { spoken } from "./spoken-formats";

export type GenerateOptions = {
  seed: number;
  /** Calls per provider. Allo adds about one SMS per nine calls; for Twilio a call is a conversation summary. */
  calls: number;
  /** Every call falls in the 30 days before this instant. */
  now: Date;
  /** The sections to generate; default all four. */
  providers?: readonly ProviderId[];
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
  const fixture: Fixture = { format: FIXTURE_FORMAT, version: 2, seed: options.seed, now: spoken.instant(options.now) };
  for (const provider of providerIds) {
    if (!providers.includes(provider)) continue;
    const section = { seed: providerSeed(options.seed, provider), calls: options.calls, now: options.now };
    // Each generator returns its own section type; the loop keeps the four in one place.
    (fixture as Record<ProviderId, unknown>)[provider] = generators[provider](section);
  }
  return fixture;
}
