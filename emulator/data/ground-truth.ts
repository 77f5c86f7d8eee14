import type { Fixture } from "./fixture-schema";
import { generateFixture, type GenerateOptions } from "./generate";
import type { TruthSection } from "./truth/truth-schema";

/**
 * A generated fixture and the truth of its summaries, in-process: what a benchmark scores Redline's
 * findings against. `errors.rate` defaults to 0 (summaries as the calls went).
 */
export function generateGroundTruth(options: Omit<GenerateOptions, "truth">): { fixture: Fixture; truth: TruthSection } {
  const { truth, ...fixture } = generateFixture({ ...options, truth: true });
  return { fixture, truth: truth ?? {} };
}
