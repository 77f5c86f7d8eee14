import { generateFixture, type GenerateOptions } from "../../emulator/data/generate";

export type CallsByTemplates = { singleTemplate: string[]; twoTemplates: string[]; noSummary: string[] };

/** Call ids of a generated data set, grouped by how many completed summary templates each call has. */
export function callsByTemplates(options: GenerateOptions): CallsByTemplates {
  const grouped: CallsByTemplates = { singleTemplate: [], twoTemplates: [], noSummary: [] };
  for (const item of generateFixture({ ...options, providers: ["allo"] }).allo?.items ?? []) {
    if (item.type !== "CALL") continue;
    const count = item.summaries.length;
    (count === 0 ? grouped.noSummary : count === 1 ? grouped.singleTemplate : grouped.twoTemplates).push(item.id);
  }
  return grouped;
}
