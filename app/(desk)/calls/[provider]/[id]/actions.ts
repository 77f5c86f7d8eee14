"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { logger } from "@/lib/logger";
import { providerIdSchema } from "@/lib/providers/provider-id";
import { configuredProviders, getAdapter } from "@/lib/providers/registry";
import { claimForReview, releaseForReview, type ClaimView } from "@/lib/review/claim-call";
import { confirmAcceptedSave, type ConfirmResult } from "@/lib/review/confirm-accepted-save";
import { nextCallHref } from "@/lib/review/next-call";
import { saveSummary, saveSummaryInputSchema, type SaveSummaryResult } from "@/lib/review/save-summary";
import { saveTiming } from "@/lib/review/save-timing";

type ActionFailure = { ok: false; error: { code: string; message: string } };

const notConfigured: ActionFailure = { ok: false, error: { code: "not_found", message: "This provider is not configured in Redline." } };

/** Saves, merges, restores or approves a summary: every one of them conflict-checked against what the reviewer saw. */
export async function saveSummaryAction(input: unknown): Promise<SaveSummaryResult> {
  const parsed = saveSummaryInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: "invalid_input", message: "The save request was malformed. Reload the page; your text is kept." } };
  }
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  const adapter = getAdapter(parsed.data.provider);
  if (!adapter) return { ok: false, error: { code: "invalid_input", message: notConfigured.error.message } };
  try {
    const database = await getDatabase();
    return await saveSummary({ database, adapter, lockWaitMs: saveTiming().lockWaitMs }, check.actor, parsed.data);
  } catch (error) {
    const errorId = randomUUID().slice(0, 8);
    logger.error({ err: error, errorId, callId: parsed.data.callId }, "save failed unexpectedly");
    return {
      ok: false,
      error: { code: "internal", message: `Something went wrong on the server (error ${errorId}). Your text is kept; try again.` },
    };
  }
}

const confirmInputSchema = z.object({ provider: providerIdSchema, journalId: z.number().int().positive() });

/** Re-reads a summary whose save the provider accepted but applies later (Twilio), until it shows. */
export async function confirmSaveAction(input: unknown): Promise<ConfirmResult | ActionFailure> {
  const parsed = confirmInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: "No such save." } };
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  const adapter = getAdapter(parsed.data.provider);
  if (!adapter) return notConfigured;
  return confirmAcceptedSave({ database: await getDatabase(), adapter }, parsed.data.journalId);
}

const callRefSchema = z.object({ provider: providerIdSchema, callId: z.string().trim().min(1).max(200) });

export type ClaimResult = { ok: true; claim: ClaimView | null } | ActionFailure;

/** Claims the call for the signed-in reviewer while it is open (renewed by the workspace every minute). */
export async function claimCallAction(input: unknown): Promise<ClaimResult> {
  const parsed = callRefSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: "No such call." } };
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  return { ok: true, claim: await claimForReview(await getDatabase(), check.actor, parsed.data) };
}

export type ReleaseResult = { ok: true } | ActionFailure;

export async function releaseCallAction(input: unknown): Promise<ReleaseResult> {
  const parsed = callRefSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: "invalid_input", message: "No such call." } };
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  await releaseForReview(await getDatabase(), check.actor, parsed.data);
  return { ok: true };
}

export type NextCallResult = { ok: true; href: string } | ActionFailure;

/** Where "next" goes: the newest unreviewed call nobody else is reviewing (claimed at once), or back to the queue. */
export async function nextCallAction(): Promise<NextCallResult> {
  const check = await requireRole("reviewer");
  if (!check.ok) return { ok: false, error: check.error };
  return { ok: true, href: await nextCallHref(await getDatabase(), check.actor, configuredProviders()) };
}
