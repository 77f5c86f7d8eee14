import type { CallItem, Fixture, TemplateKey } from "@/emulator/data/fixture-schema";
import { generateFixture } from "@/emulator/data/generate";

/** The data every emulator test starts from; tests regenerate it to know what the server holds. */
export const testDataOptions = { seed: 7, calls: 200, now: new Date("2026-05-12T15:00:00Z") } as const;

export function testFixture(): Fixture {
  return generateFixture(testDataOptions);
}

const templateKeys = (call: CallItem): TemplateKey[] => call.summaries.map((summary) => summary.template_key).sort();

/** One item of each kind the summary rules distinguish. */
export function representativeItems(fixture: Fixture) {
  const calls = fixture.items.filter((item): item is CallItem => item.type === "CALL");
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
