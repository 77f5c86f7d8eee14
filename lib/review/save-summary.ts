import { z } from "zod";
import type { Actor } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import type { Database, Db } from "@/lib/db/open-database";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import {
  completeRevision,
  insertPendingRevision,
  lastProviderVersion,
  latestLandedRevision,
  latestLandedWithContent,
  nextRevisionNumber,
} from "@/lib/db/queries/revisions";
import { withSummaryLock } from "@/lib/db/summary-lock";
import { ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import { providerIdSchema } from "@/lib/providers/provider-id";
import type { ProviderAdapter, SummarySnapshot } from "@/lib/providers/types";
import { toSummaryMeta, type SummaryMeta } from "./summary-meta";

export const saveSummaryInputSchema = z.object({
  provider: providerIdSchema,
  callId: z.string().trim().min(1).max(200),
  templateKey: z.string().min(1).max(100).nullable(),
  /** The text the reviewer started from: the precondition of the save. */
  baseContent: z.string().nullable(),
  /** Redline's revision the reviewer started from (0 before any save). */
  baseRevision: z.number().int().min(0),
  content: z.string(),
});

export type SaveSummaryInput = z.infer<typeof saveSummaryInputSchema>;

export type ConflictDetails = {
  currentContent: string | null;
  /** Who changed it, where known: a Redline reviewer, or the provider's own record. */
  changedBy: { name: string; via: "redline" | "provider" } | null;
  changedAt: string | null;
  version: number | null;
};

export type SaveError =
  | { code: "invalid_input" | "too_long" | "unchanged" | "forbidden" | "unauthenticated" | "internal"; message: string }
  | { code: "conflict"; message: string; journalId: number; conflict: ConflictDetails }
  | { code: "template_required"; message: string; journalId: number; templates: string[] }
  | { code: "provider_error"; message: string; journalId: number; provider: ProviderErrorDetails };

export type SaveSummaryResult = { ok: true; journalId: number; meta: SummaryMeta; content: string } | { ok: false; error: SaveError };

export type SaveSummaryDeps = { database: Database; adapter: ProviderAdapter };

/**
 * Saves a corrected summary without ever overwriting a change the reviewer has not seen.
 * The providers take no expected version on write, so the precondition is the content itself:
 * journal first, then under a per-summary lock re-read, compare with the base, and only then write.
 */
export async function saveSummary(deps: SaveSummaryDeps, actor: Actor, input: SaveSummaryInput): Promise<SaveSummaryResult> {
  const { database, adapter } = deps;
  if (!hasRole(actor.role, "reviewer")) {
    return { ok: false, error: { code: "forbidden", message: "Only reviewers, leads and admins can save summaries." } };
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

  const key = { provider: input.provider, callId: input.callId };
  const journalId = await insertPendingRevision(database.db, {
    ...key,
    templateKey: input.templateKey,
    authorId: actor.id,
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
    let current: SummarySnapshot;
    try {
      current = (await adapter.getCall(input.callId)).summary;
    } catch (error) {
      if (error instanceof ProviderError) return providerFailure(db, error);
      throw error;
    }

    if (current.content !== input.baseContent) {
      const conflict = await describeConflict(db, key, current);
      await completeRevision(db, journalId, {
        status: "conflict",
        theirContent: current.content,
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

    const seenVersion = await lastProviderVersion(db, key);
    let outcome;
    try {
      outcome = await adapter.updateSummary({ callId: input.callId, templateKey: input.templateKey, content: input.content });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (!error.outcomeUnknown) return providerFailure(db, error);
      // The write may have landed: re-read rather than write twice.
      const reread = await adapter.getCall(input.callId).then((call) => call.summary, () => null);
      if (reread?.content !== input.content) return providerFailure(db, error);
      outcome = { status: "applied" as const, content: input.content, version: null, updatedAt: null, updatedBy: null };
    }

    const revision = await nextRevisionNumber(db, key);
    const applied = outcome.status === "applied" ? outcome : null;
    const outsideWrites =
      applied?.version != null && seenVersion != null && applied.version > seenVersion + 1
        ? applied.version - seenVersion - 1
        : null;
    await completeRevision(db, journalId, {
      status: outcome.status,
      revision,
      providerVersion: applied?.version ?? null,
      providerUpdatedAt: applied?.updatedAt ? new Date(applied.updatedAt) : null,
      providerUpdatedById: applied?.updatedBy?.id ?? null,
      providerUpdatedByName: applied?.updatedBy?.name ?? null,
      outsideWrites,
    });
    await recordReviewDecision(db, { ...key, templateKey: input.templateKey, status: "corrected", userId: actor.id });
    const landed = await latestLandedRevision(db, key);
    return { ok: true, journalId, content: input.content, meta: toSummaryMeta(landed!) };
  });
}

async function describeConflict(
  db: Db,
  key: { provider: string; callId: string },
  current: SummarySnapshot,
): Promise<ConflictDetails> {
  const known = current.content == null ? undefined : await latestLandedWithContent(db, key, current.content);
  if (known) {
    return {
      currentContent: current.content,
      changedBy: known.authorName ? { name: known.authorName, via: "redline" } : null,
      changedAt: (known.completedAt ?? known.createdAt).toISOString(),
      version: known.providerVersion,
    };
  }
  return {
    currentContent: current.content,
    changedBy: current.updatedBy?.name ? { name: current.updatedBy.name, via: "provider" } : null,
    changedAt: current.updatedAt,
    version: current.version,
  };
}

function describeProviderError(error: ProviderError): string {
  switch (error.kind) {
    case "rate_limited":
      return `The provider is rate limiting requests${error.retryAfterSec ? `; try again in ${error.retryAfterSec} s` : ""}. Your text is kept.`;
    case "timeout":
      return "The provider did not answer in time. Your text is kept; try saving again.";
    case "unavailable":
      return "The provider is unavailable right now. Your text is kept; try saving again.";
    case "unauthorized":
    case "forbidden":
      return "The provider refused Redline's credentials. Ask an admin to check the API key. Your text is kept.";
    case "contract":
      return "The provider answered with something Redline could not read. Your text is kept.";
    default:
      return `The provider refused the save: ${error.message}`;
  }
}
