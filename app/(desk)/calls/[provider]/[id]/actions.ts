"use server";

import { authorizedAction } from "@/lib/auth/authorized-action";
import { getDatabase } from "@/lib/db/database";
import { getAdapter } from "@/lib/providers/registry";
import { saveSummary, saveSummaryInputSchema } from "@/lib/review/save/save-summary";
import { saveTiming } from "@/lib/review/save/save-timing";

/** Saves, merges, restores or approves a summary: every one of them conflict-checked against what the reviewer saw. */
export const saveSummaryAction = authorizedAction(
  {
    name: "saveSummary",
    role: "reviewer",
    input: saveSummaryInputSchema,
    invalidInput: "The save request was malformed. Reload the page; your text is kept.",
  },
  async (input, actor) => {
    const adapter = getAdapter(input.provider);
    if (!adapter) return { ok: false, error: { code: "invalid_input", message: "This provider is not configured in Redline." } } as const;
    return saveSummary({ database: await getDatabase(), adapter, lockWaitMs: saveTiming().lockWaitMs }, actor, input);
  },
);
