import { z } from "zod";

/**
 * The evidence checks a reviewer saved past: facts in their text that the transcript did not support when
 * they pressed Save. Saving is never blocked by them; they are kept with the revision, so a lead can see
 * what was saved unverified.
 */
export const unresolvedFlagSchema = z.object({
  kind: z.enum(["money", "number", "date", "time", "phone", "email", "id", "name"]),
  reason: z.enum(["absent", "contradicted"]),
  /** The fact as the summary states it. */
  text: z.string().max(200),
  message: z.string().max(500),
  /** The transcript turn holding the closest evidence, if any. */
  turn: z.number().int().min(0).nullable(),
});

export const unresolvedFlagsSchema = z.array(unresolvedFlagSchema).max(500);
