import { z } from "zod";
import type { ProviderId } from "../provider-id";
import { alloSectionSchema } from "./sections/allo-section";
import { blandSectionSchema } from "./sections/bland-section";
import { openPhoneSectionSchema } from "./sections/openphone-section";
import { twilioSectionSchema } from "./sections/twilio-section";
import { truthSectionSchema } from "./truth/truth-schema";

export const FIXTURE_FORMAT = "redline-emulator/fixture";

/**
 * One fixture document: everything the emulator serves, for every provider. A section left out is a
 * provider the emulator does not mount. Each section uses its provider's own field names.
 */
export const fixtureSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(FIXTURE_FORMAT),
    version: z.literal(2),
    /** Drives the emulator's own randomness (fault rates, the other editor's choices). */
    seed: z.number().int().default(1),
    /** The anchor generated dates were drawn against; informative only. */
    now: z.iso.datetime().optional(),
    allo: alloSectionSchema.optional(),
    openphone: openPhoneSectionSchema.optional(),
    bland: blandSectionSchema.optional(),
    twilio: twilioSectionSchema.optional(),
    /** What the generator knows of its summaries (errors written in, facts, support); the server ignores it. */
    truth: truthSectionSchema.optional(),
  })
  .strict();

export type Fixture = z.infer<typeof fixtureSchema>;
export type FixtureInput = z.input<typeof fixtureSchema>;

export function sectionsOf(fixture: Fixture): ProviderId[] {
  return (["allo", "openphone", "bland", "twilio"] as const).filter((provider) => fixture[provider] !== undefined);
}
