import { z } from "zod";

export const scenarioIdSchema = z.enum([
  "billing_dispute",
  "pricing_question",
  "appointment_reschedule",
  "cancellation",
  "technical_support",
  "order_status",
]);
export type ScenarioId = z.infer<typeof scenarioIdSchema>;

/** Name → text. Checked by hand: `z.record` costs a second on 100,000 calls, this a few milliseconds. */
export const factsSchema = z.custom<Record<string, string>>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === "string"),
  { message: "Facts must map names to strings" },
);

/** The longest transcript a recipe may ask for: well past the 2,000-turn calls the generator makes. */
export const MAX_RECIPE_TURNS = 5_000;

/**
 * What a transcript is rendered from on read. Storing it rather than millions of turn objects keeps a
 * 100,000-call data set small and quick to build; the text is the same on every render.
 */
export const transcriptRecipeSchema = z
  .object({
    scenario: scenarioIdSchema,
    seed: z.number().int().min(0).max(0xffffffff),
    turns: z.number().int().min(2).max(MAX_RECIPE_TURNS),
    /** Every detail the dialogue and the summaries mention, so the two always agree. */
    facts: factsSchema,
  })
  .strict();

/** One literal turn, for hand-written fixtures. Times are seconds from the start of the call. */
export const literalTurnSchema = z
  .object({
    speaker: z.enum(["agent", "customer"]),
    start: z.number().min(0),
    /** Defaults to the next turn's start (the call's end for the last turn). */
    end: z.number().min(0).optional(),
    text: z.string().min(1),
  })
  .strict();

/** A transcript in a fixture: a recipe the emulator renders, or the turns themselves. */
export const transcriptSourceSchema = z.union([
  z.object({ recipe: transcriptRecipeSchema }).strict(),
  z.object({ turns: z.array(literalTurnSchema).min(1) }).strict(),
]);

export type TranscriptRecipe = z.infer<typeof transcriptRecipeSchema>;
export type TranscriptSource = z.infer<typeof transcriptSourceSchema>;
