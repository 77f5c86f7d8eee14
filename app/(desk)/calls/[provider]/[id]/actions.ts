"use server";

import { randomUUID } from "node:crypto";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { logger } from "@/lib/logger";
import { getAdapter } from "@/lib/providers/registry";
import { saveSummary, saveSummaryInputSchema, type SaveSummaryResult } from "@/lib/review/save-summary";

export async function saveSummaryAction(input: unknown): Promise<SaveSummaryResult> {
  const parsed = saveSummaryInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: "invalid_input", message: "The save request was malformed. Reload the page; your text is kept." } };
  }
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  const adapter = getAdapter(parsed.data.provider);
  if (!adapter) {
    return { ok: false, error: { code: "invalid_input", message: "This provider is not configured in Redline." } };
  }
  try {
    return await saveSummary({ database: await getDatabase(), adapter }, check.actor, parsed.data);
  } catch (error) {
    const errorId = randomUUID().slice(0, 8);
    logger.error({ err: error, errorId, callId: parsed.data.callId }, "save failed unexpectedly");
    return {
      ok: false,
      error: { code: "internal", message: `Something went wrong on the server (error ${errorId}). Your text is kept; try again.` },
    };
  }
}
