import { z } from "zod";
import type { Actor } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import type { Database, Db } from "@/lib/db/open-database";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import {
  completeRevision,
  insertPendingRevision,
  lastProviderVersion,
  nextRevisionNumber,
  type SummaryKey,
} from "@/lib/db/queries/revisions";
import { withSummaryLock } from "@/lib/db/summary-lock";
import { ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import { providerIdSchema } from "@/lib/providers/provider-id";
import type { ProviderAdapter, SummarySnapshot, SummaryTemplate, UpdateOutcome } from "@/lib/providers/types";
import { currentSummaryText } from "./current-summary";
import { describeProviderError } from "./describe-provider-error";
import { observeSummary } from "./observe-summary";
import type { SummaryMeta } from "./summary-meta";
import { whoWrote, type Authorship } from "./who-wrote";

export const saveIntentSchema = z.enum(["edit", "merge", "overwrite", "restore"]);
export type SaveIntent = z.infer<typeof saveIntentSchema>;

export const saveSummaryInputSchema = z.object({
  provider: providerIdSchema,
  callId: z.string().trim().min(1).max(200),
  templateKey: z.string().min(1).max(100).nullable(),
  /** The text the reviewer started from: the precondition of the save. */
  baseContent: z.string().nullable(),
  /** Redline's revision the reviewer started from (0 before any save). */
  baseRevision: z.number().int().min(0),
  content: z.string(),
  /** "overwrite": a lead replaces a text they have seen with theirs; journalled as such. */
  intent: saveIntentSchema.default("edit"),
});

export type SaveSummaryInput = z.input<typeof saveSummaryInputSchema>;

export type ConflictDetails = Authorship & {
  /** What the reviewer started from, so the client can merge base, mine and theirs. */
  baseContent: string | null;
  currentContent: string | null;
};

export type SaveError =
  | { code: "invalid_input" | "too_long" | "unchanged" | "forbidden" | "unauthenticated" | "internal"; message: string }
  | { code: "conflict"; message: string; journalId: number; conflict: ConflictDetails }
  | { code: "template_required"; message: string; journalId: number; templates: SummaryTemplate[] }
  | { code: "provider_error"; message: string; journalId: number; provider: ProviderErrorDetails };

export type SaveSummaryResult =
  | {
      ok: true;
      journalId: number;
      meta: SummaryMeta;
      content: string;
      /** "accepted": the provider took the write and applies it later; confirm by re-reading. */
      outcome: "applied" | "accepted" | "stored";
    }
  | { ok: false; error: SaveError };

export type SaveSummaryDeps = { database: Database; adapter: ProviderAdapter };

/**
 * Saves a corrected summary without ever overwriting a change the reviewer has not seen.
 * The providers take no expected version on write, so the precondition is the content itself:
 * journal first, then under a per-summary lock re-read, compare with the base, and only then write.
 */
export async function saveSummary(deps: SaveSummaryDeps, actor: Actor, raw: SaveSummaryInput): Promise<SaveSummaryResult> {
  const input = saveSummaryInputSchema.parse(raw);
  const { database, adapter } = deps;
  if (!hasRole(actor.role, "reviewer")) {
    return { ok: false, error: { code: "forbidden", message: "Only reviewers, leads and admins can save summaries." } };
  }
  if (input.intent === "overwrite" && !hasRole(actor.role, "lead")) {
    return { ok: false, error: { code: "forbidden", message: "Only leads can overwrite someone else's version." } };
  }
  const { capabilities } = adapter;
  if (input.content.length > capabilities.maxLength) {
    return {
      ok: false,
      error: {
        code: "too_long",
        message: `The summary is ${input.content.length.toLocaleString("en-US")} characters; this provider accepts at most ${capabilities.maxLength.toLocaleString("en-US")}.`,
      },
    };
  }
  if (input.content === input.baseContent) {
    return { ok: false, error: { code: "unchanged", message: "Nothing to save: the summary is unchanged." } };
  }

  const key: SummaryKey = { provider: input.provider, callId: input.callId };
  const journalId = await insertPendingRevision(database.db, {
    ...key,
    templateKey: input.templateKey,
    authorId: actor.id,
    kind: input.intent,
    baseContent: input.baseContent,
    baseRevision: input.baseRevision,
    content: input.content,
  });

  const providerFailure = async (db: Db, error: ProviderError): Promise<SaveSummaryResult> => {
    await completeRevision(db, journalId, {
      status: "failed",
      errorCode: error.code,
      errorMessage: error.message,
      requestId: error.requestId,
    });
    if (error.code === "SUMMARY_TEMPLATE_KEY_REQUIRED") {
      return {
        ok: false,
        error: {
          code: "template_required",
          journalId,
          templates: [...capabilities.templates],
          message: "This call has more than one summary template. Choose the one your text replaces, then save again.",
        },
      };
    }
    return {
      ok: false,
      error: { code: "provider_error", journalId, provider: error.toJSON(), message: describeProviderError(error) },
    };
  };

  return withSummaryLock(database, `${input.provider}:${input.callId}`, async (db) => {
    let snapshot: SummarySnapshot;
    let current: string | null;
    // What the journal already knows is read while the provider is re-read: the lock makes both stable.
    const known = Promise.all([lastProviderVersion(db, key), nextRevisionNumber(db, key)]);
    try {
      const call = await adapter.getCall(input.callId);
      snapshot = call.summary;
      current = await currentSummaryText(db, key, capabilities, call);
    } catch (error) {
      await known;
      if (error instanceof ProviderError) return providerFailure(db, error);
      throw error;
    }

    const [seenVersion, revision] = await known;
    if (current !== input.baseContent) {
      await observeSummary(db, key, capabilities, snapshot);
      const conflict: ConflictDetails = {
        baseContent: input.baseContent,
        currentContent: current,
        ...(await whoWrote(db, key, current, snapshot)),
      };
      await completeRevision(db, journalId, {
        status: "conflict",
        theirContent: current,
        errorCode: "CONFLICT",
        errorMessage: "The summary changed after the reviewer opened it.",
      });
      return {
        ok: false,
        error: {
          code: "conflict",
          journalId,
          conflict,
          message: "Someone changed this summary after you opened it. Nothing was saved; your text is kept.",
        },
      };
    }

    let outcome: UpdateOutcome | { status: "stored" };
    if (capabilities.write === "none") {
      outcome = { status: "stored" };
    } else {
      try {
        outcome = await adapter.updateSummary({ callId: input.callId, templateKey: input.templateKey, content: input.content });
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        if (!error.outcomeUnknown) return providerFailure(db, error);
        // The write may have landed though its answer was lost: re-read rather than write twice.
        const reread = await adapter.getCall(input.callId).then((call) => call.summary, () => null);
        if (reread?.content !== input.content) return providerFailure(db, error);
        outcome = { status: "applied", content: input.content, version: reread.version, updatedAt: reread.updatedAt, updatedBy: reread.updatedBy };
      }
    }

    const applied = outcome.status === "applied" ? outcome : null;
    const outsideWrites =
      applied?.version != null && seenVersion != null && applied.version > seenVersion + 1
        ? applied.version - seenVersion - 1
        : null;
    const providerUpdatedAt = applied?.updatedAt ? new Date(applied.updatedAt) : null;
    await completeRevision(db, journalId, {
      status: outcome.status === "accepted" ? "accepted" : "applied",
      revision,
      providerVersion: applied?.version ?? null,
      providerUpdatedAt,
      providerUpdatedById: applied?.updatedBy?.id ?? null,
      providerUpdatedByName: applied?.updatedBy?.name ?? null,
      outsideWrites,
    });
    await recordReviewDecision(db, { ...key, templateKey: input.templateKey, status: "corrected", userId: actor.id });
    const meta: SummaryMeta = {
      revision,
      version: applied?.version ?? null,
      updatedAt: providerUpdatedAt?.toISOString() ?? null,
      providerUpdatedBy: applied?.updatedBy?.name ?? null,
      savedBy: actor.name,
      savedAt: new Date().toISOString(),
      templateKey: input.templateKey,
      outsideWrites,
    };
    return { ok: true, journalId, content: input.content, meta, outcome: outcome.status };
  });
}
