import type { Fixture } from "@/emulator/data/fixture-schema";
import { generateFixture } from "@/emulator/data/generate";
import type { AlloSection, CallItem, TemplateKey } from "@/emulator/data/sections/allo-section";
import type { TranscriptRecipe } from "@/emulator/data/transcript-source";

/** The data every emulator test starts from; tests regenerate it to know what the server holds. */
export const testDataOptions = { seed: 7, calls: 200, now: new Date("2026-05-12T15:00:00Z") } as const;

/** The whole fixture document the emulator serves by default. */
export function testDocument(): Fixture {
  return generateFixture(testDataOptions);
}

/** The Allo section of the test data. */
export function testFixture(): AlloSection {
  const section = generateFixture({ ...testDataOptions, providers: ["allo"] }).allo;
  if (!section) throw new Error("The test data has no Allo section");
  return section;
}

/** Generated calls always carry a recipe; this reads it. */
export function recipeOf(call: CallItem): TranscriptRecipe {
  if (!("recipe" in call.transcript)) throw new Error(`Call ${call.id} has literal turns, not a recipe`);
  return call.transcript.recipe;
}

const templateKeys = (call: CallItem): TemplateKey[] => call.summaries.map((summary) => summary.template_key).sort();

/** One item of each kind the summary rules distinguish; ordinary-sized calls, so tests read quickly. */
export function representativeItems(fixture: AlloSection) {
  const calls = fixture.items.filter(
    (item): item is CallItem => item.type === "CALL" && recipeOf(item).turns <= 200 && item.summaries.every((summary) => summary.content.length < 10_000),
  );
  const find = (what: string, predicate: (call: CallItem) => boolean): CallItem => {
    const call = calls.find(predicate);
    if (!call) throw new Error(`The test data has no ${what}`);
    return call;
  };
  const sms = fixture.items.find((item) => item.type === "SMS");
  if (!sms) throw new Error("The test data has no SMS");
  return {
    classicOnly: find("call with only MARKDOWN_CLASSIC", (call) => templateKeys(call).join() === "MARKDOWN_CLASSIC"),
    shortOnly: find("call with only MARKDOWN_SHORT_CALL", (call) => templateKeys(call).join() === "MARKDOWN_SHORT_CALL"),
    bothTemplates: find("call with both templates", (call) => call.summaries.length === 2),
    noSummary: find("call without a summary", (call) => call.summaries.length === 0),
    sms,
  };
}
