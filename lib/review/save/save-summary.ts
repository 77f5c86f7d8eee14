import { z } from "zod";
import type { Actor } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/open-database";
import { queuePosition } from "@/lib/db/queries/calls";
import { completeDecidedSave } from "@/lib/db/queries/reviews";
import { completeRevision, conflictShowing, insertPendingRevision, journalState, markRevisionKind, type SummaryKey } from "@/lib/db/queries/revisions";
import { withSummaryLock } from "@/lib/db/summary-lock";
import { logger } from "@/lib/logger";
import { isProviderError, type ProviderError, type ProviderErrorDetails } from "@/lib/providers/provider-error";
import { providerIdSchema } from "@/lib/providers/provider-id";
import type { ProviderAdapter, SummarySnapshot, SummaryTarget, SummaryTemplate, UpdateOutcome } from "@/lib/providers/types";
import { currentSummary } from "./current-summary";
import { describeProviderError } from "./describe-provider-error";
import { observeSummary } from "./observe-summary";
import { dropsEveryChangeOfTheirs } from "./overwrite-rule";
import { unresolvedFlagsSchema } from "./unresolved-flags";
import { measureCorrection } from "./measure-correction";
import { correctionReasonKeys } from "../insights/correction-reasons";
import type { SummaryMeta } from "./summary-meta";
import { whoWrote, type Authorship } from "./who-wrote";
import { decideSecondLook, secondLookIdSchema, type SecondLookDecision } from "../second-look/decide-second-look";
import { sampleForSecondLook } from "../second-look/sample-for-second-look";

/** "approve": the text as it stands is right; nothing is written, but it is journalled and checked like a save. */
export const saveIntentSchema = z.enum(["edit", "merge", "overwrite", "restore", "approve"]);
export type SaveIntent = z.infer<typeof saveIntentSchema>;

export const saveSummaryInputSchema = z.object({
  provider: providerIdSchema,
  callId: z.string().trim().min(1).max(200),
  /** The summary target the reviewer's page showed; a save whose call now writes elsewhere is refused. */
  targetId: z.string().trim().min(1).max(300),
  templateKey: z.string().min(1).max(100).nullable(),
  /** The text the reviewer started from: the precondition of the save. */
  baseContent: z.string().nullable(),
  /** Redline's revision the reviewer started from (0 before any save). */
  baseRevision: z.number().int().min(0),
  content: z.string(),
  /** "overwrite": a lead replaces a text they have seen with theirs; journalled as such. */
  intent: saveIntentSchema.default("edit"),
  /** The evidence checks still open in the reviewer's text; omitted where the page could not check (no transcript). */
  unresolvedFlags: unresolvedFlagsSchema.optional(),
  /** Why the reviewer corrected it, as they tagged it. */
  reasons: z.array(z.enum(correctionReasonKeys)).max(correctionReasonKeys.length).optional(),
  /** A lead saving from a second look: the save, once it lands, is that second look's verdict. */
  secondLookId: secondLookIdSchema.optional(),
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
  | { code: "provider_error"; message: string; journalId: number; provider: ProviderErrorDetails }
  /** Another save of this summary held the lock for longer than a save waits: nothing was sent. */
  | { code: "busy"; message: string; journalId: number }
  /** The write's answer was lost and a re-read could not tell whether it landed: the reconciler decides. */
  | { code: "unknown"; message: string; journalId: number };

export type SaveSummaryResult =
  | {
      ok: true;
      journalId: number;
      meta: SummaryMeta;
      content: string;
      /**
       * "accepted": the provider took the write and applies it later; confirm by re-reading. "stored": kept in
       * Redline (a read-only provider). "approved": the text was confirmed as it stands.
       */
      outcome: "applied" | "accepted" | "stored" | "approved";
      /** Set when the save was made from a second look: whether it was recorded as that look's verdict. */
      secondLook?: SecondLookDecision;
    }
  | { ok: false; error: SaveError };

export type SaveSummaryDeps = {
  database: Database;
  adapter: ProviderAdapter;
  /** How long a save waits for another save of the same summary before answering "busy". */
  lockWaitMs?: number;
};

const DEFAULT_LOCK_WAIT_MS = 15_000;

/** The save lock's key: one per summary target, across providers. */
export const summaryLockKey = (target: SummaryKey) => `summary:${target.provider}:${target.targetId}`;

/**
 * Saves (or approves) a summary without ever overwriting a change the reviewer has not seen.
 * The providers take no expected version on write, so the precondition is the content itself:
 * journal first, then under a per-target lock re-read, compare with the base, and only then write.
 */
export async function saveSummary(deps: SaveSummaryDeps, actor: Actor, raw: SaveSummaryInput): Promise<SaveSummaryResult> {
  const input = saveSummaryInputSchema.parse(raw);
  const { database, adapter } = deps;
  const refused = refusal(actor, input, adapter) ?? (await unknownCall(deps, input));
  if (refused) return { ok: false, error: refused };

  const key: SummaryKey = { provider: input.provider, targetId: input.targetId };
  const measure = await measureCorrection(database.db, key, { ...input, authorId: actor.id });
  const journalId = await insertPendingRevision(database.db, {
    ...key,
    callId: input.callId,
    templateKey: input.templateKey,
    authorId: actor.id,
    kind: input.intent,
    baseContent: input.baseContent,
    baseRevision: input.baseRevision,
    content: input.content,
    unresolvedFlags: input.unresolvedFlags ?? null,
    reasons: input.reasons?.length ? [...new Set(input.reasons)] : null,
    ...measure,
  });
  const attempt: Attempt = { deps, actor, input, key, journalId };

  let target: SummaryTarget;
  try {
    target = await adapter.summaryTarget(input.callId, input.templateKey);
  } catch (error) {
    if (isProviderError(error)) return providerFailure(attempt, error);
    throw error;
  }
  if (target.id !== input.targetId) {
    await completeRevision(database.db, journalId, { status: "failed", errorCode: "TARGET_CHANGED", errorMessage: targetChanged });
    return { ok: false, error: { code: "invalid_input", message: targetChanged } };
  }

  const locked = await withSummaryLock(database.locks, summaryLockKey(key), deps.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS, () =>
    checkAndWrite(attempt, target),
  );
  if (locked.acquired) return locked.value.ok ? afterLanding(attempt, locked.value) : locked.value;
  await completeRevision(database.db, journalId, { status: "failed", errorCode: "BUSY", errorMessage: busyMessage });
  return { ok: false, error: { code: "busy", journalId, message: busyMessage } };
}

const targetChanged =
  "This call's summary now lives somewhere else at the provider (its contact memory changed). Reload the call; your text is kept in its history.";
const busyMessage =
  "Another save of this summary is still running at the provider. Nothing was sent; your text is kept. Try again in a moment.";
const unknownMessage =
  "The provider did not say whether your save arrived, and Redline could not check yet. Nothing will be sent twice: Redline checks again shortly and history will show the outcome. Your text is kept.";

type Attempt = {
  deps: SaveSummaryDeps;
  actor: Actor;
  input: z.output<typeof saveSummaryInputSchema>;
  key: SummaryKey;
  journalId: number;
};

/** What is refused before anything is journalled: nothing the reviewer typed is at stake yet. */
function refusal(actor: Actor, input: Attempt["input"], adapter: ProviderAdapter): SaveError | null {
  if (!hasRole(actor.role, "reviewer")) {
    return { code: "forbidden", message: "Only reviewers, leads and admins can save or approve summaries." };
  }
  if (input.intent === "overwrite" && !hasRole(actor.role, "lead")) {
    return { code: "forbidden", message: "Only leads can overwrite someone else's version." };
  }
  if (input.intent === "approve") {
    if (input.baseContent === null) return { code: "invalid_input", message: "There is no summary to approve yet." };
    if (input.content !== input.baseContent) {
      return { code: "invalid_input", message: "Only an unchanged summary can be approved: save your changes instead." };
    }
    return null;
  }
  const { maxLength } = adapter.capabilities;
  if (input.content.length > maxLength) {
    return {
      code: "too_long",
      message: `The summary is ${input.content.length.toLocaleString("en-US")} characters; this provider accepts at most ${maxLength.toLocaleString("en-US")}.`,
    };
  }
  if (input.content === input.baseContent) return { code: "unchanged", message: "Nothing to save: the summary is unchanged." };
  return null;
}

async function providerFailure({ deps, journalId }: Attempt, error: ProviderError): Promise<SaveSummaryResult> {
  await completeRevision(deps.database.db, journalId, {
    // A question for the reviewer, not a failed save: the answer comes back as a new attempt.
    status: error.reason === "template_required" ? "template_asked" : "failed",
    errorCode: error.code,
    errorMessage: error.message,
    requestId: error.requestId,
  });
  if (error.reason === "template_required") {
    return {
      ok: false,
      error: {
        code: "template_required",
        journalId,
        templates: [...deps.adapter.capabilities.templates],
        message: "This call has more than one summary template. Choose the one your text replaces, then save again.",
      },
    };
  }
  return { ok: false, error: { code: "provider_error", journalId, provider: error.toJSON(), message: describeProviderError(error) } };
}

const overwriteMessage =
  "Your text keeps none of the changes made since you opened this summary: saving it would replace their version, which only a lead can do. Keep at least one of their changes, or ask a lead. Your text is kept.";

/**
 * "Only a lead overwrites someone else's version", decided from what the save does rather than from its label:
 * a save on top of a text that met its author as a conflict, which keeps none of the other side's changes to
 * the author's old base, is an overwrite. Refused for reviewers (journalled failed, with the text); a lead's
 * is journalled as the overwrite it is.
 */
async function replacesTheirs({ deps, actor, input, key, journalId }: Attempt): Promise<SaveSummaryResult | null> {
  if (input.baseContent === null) return null;
  const conflict = await conflictShowing(deps.database.db, key, actor.id, input.baseContent);
  if (!conflict || !dropsEveryChangeOfTheirs(conflict.baseContent ?? "", input.baseContent, input.content)) return null;
  if (hasRole(actor.role, "lead")) {
    await markRevisionKind(deps.database.db, journalId, "overwrite");
    return null;
  }
  await completeRevision(deps.database.db, journalId, { status: "failed", errorCode: "OVERWRITE_NEEDS_LEAD", errorMessage: overwriteMessage });
  return { ok: false, error: { code: "forbidden", message: overwriteMessage } };
}

/**
 * An approval of a call neither the queue's index nor the provider knows gets no journal row: it carries no
 * words of anyone's. (A save does: its text is journalled first, as always, and fails with the provider's
 * answer.) A call the index lacks is asked of the provider.
 */
async function unknownCall({ database, adapter }: SaveSummaryDeps, input: Attempt["input"]): Promise<SaveError | null> {
  if (input.intent !== "approve" || (await queuePosition(database.db, input.provider, input.callId))) return null;
  try {
    await adapter.getSummary(await adapter.summaryTarget(input.callId, input.templateKey));
    return null;
  } catch (error) {
    if (isProviderError(error) && (error.kind === "not_found" || error.kind === "invalid")) {
      return { code: "invalid_input", message: `There is no call ${input.callId} at this provider.` };
    }
    // Anything else (the provider is down) is for the save itself to meet, with the text journalled.
    return null;
  }
}

/** Under the target's lock: re-read, compare with the base, and only then write (or approve). */
async function checkAndWrite(attempt: Attempt, target: SummaryTarget): Promise<SaveSummaryResult> {
  const { deps, input, key, journalId } = attempt;
  const { database, adapter } = deps;
  const { db } = database;
  const { capabilities } = adapter;
  // What the journal already knows is read while the provider is re-read: the lock makes both stable.
  const journal = journalState(db, key);
  let snapshot: SummarySnapshot;
  try {
    snapshot = await adapter.getSummary(target);
  } catch (error) {
    await journal;
    if (isProviderError(error)) return providerFailure(attempt, error);
    throw error;
  }
  const { nextRevision, lastProviderVersion, recent } = await journal;
  const current = currentSummary(capabilities, snapshot, recent);

  if (current.content !== input.baseContent) {
    await observeSummary(db, { key, callId: input.callId, capabilities, snapshot, recent, current });
    const conflict: ConflictDetails = {
      baseContent: input.baseContent,
      currentContent: current.content,
      ...(await whoWrote(db, key, current.content, snapshot)),
    };
    await completeRevision(db, journalId, {
      status: "conflict",
      theirContent: current.content,
      errorCode: "CONFLICT",
      errorMessage: "The summary changed after the reviewer opened it.",
    });
    const message =
      input.intent === "approve"
        ? "Someone changed this summary after you opened it, so nothing was approved. Read their version first."
        : "Someone changed this summary after you opened it. Nothing was saved; your text is kept.";
    return { ok: false, error: { code: "conflict", journalId, conflict, message } };
  }

  if (input.intent !== "approve" && input.intent !== "overwrite") {
    const replaced = await replacesTheirs(attempt);
    if (replaced) return replaced;
  }

  if (input.intent === "approve") {
    await completeDecidedSave(db, journalId, { status: "applied" }, { ...decisionOf(attempt), status: "approved" });
    return { ok: true, journalId, content: input.content, meta: metaOf(attempt, null, null), outcome: "approved" };
  }

  let outcome: UpdateOutcome | { status: "stored" };
  if (capabilities.write === "none") {
    outcome = { status: "stored" };
  } else {
    try {
      outcome = await adapter.updateSummary(target, input.content);
    } catch (error) {
      if (!isProviderError(error)) throw error;
      if (!error.outcomeUnknown) return providerFailure(attempt, error);
      // The write may have landed though its answer was lost: re-read rather than write twice.
      const reread = await adapter.getSummary(target).catch(() => null);
      if (reread === null) {
        await completeRevision(db, journalId, {
          status: "unknown",
          errorCode: error.code,
          errorMessage: error.message,
          requestId: error.requestId,
        });
        return { ok: false, error: { code: "unknown", journalId, message: unknownMessage } };
      }
      if (reread.content !== input.content) return providerFailure(attempt, error);
      outcome = { status: "applied", content: input.content, version: reread.version, updatedAt: reread.updatedAt, updatedBy: reread.updatedBy };
    }
  }

  const applied = outcome.status === "applied" ? outcome : null;
  const outsideWrites =
    applied?.version != null && lastProviderVersion != null && applied.version > lastProviderVersion + 1
      ? applied.version - lastProviderVersion - 1
      : null;
  await completeDecidedSave(
    db,
    journalId,
    {
      status: outcome.status === "accepted" ? "accepted" : "applied",
      revision: nextRevision,
      providerVersion: applied?.version ?? null,
      providerUpdatedAt: applied?.updatedAt ? new Date(applied.updatedAt) : null,
      providerUpdatedById: applied?.updatedBy?.id ?? null,
      providerUpdatedByName: applied?.updatedBy?.name ?? null,
      outsideWrites,
    },
    { ...decisionOf(attempt), status: "corrected" },
    input.content,
  );
  const meta = { ...metaOf(attempt, nextRevision, applied), outsideWrites };
  return { ok: true, journalId, content: input.content, meta, outcome: outcome.status };
}

/**
 * After a decision landed (outside the lock: nothing here holds up another save of the summary): sample it
 * for a second look, and record it as the verdict of the second look it was made from. Recorded here, in the
 * request that landed the save, rather than by the page afterwards: it cannot be lost to a closed tab or to
 * "save and next", and the journal id is the server's own, not one the browser reports.
 */
async function afterLanding({ deps, actor, input, key }: Attempt, result: Extract<SaveSummaryResult, { ok: true }>): Promise<SaveSummaryResult> {
  await sampleForSecondLook(deps.database, actor, result.journalId);
  if (input.secondLookId === undefined) return result;
  const verdict =
    result.outcome === "approved"
      ? ({ verdict: "agree" } as const)
      : ({ verdict: "corrected", journalId: result.journalId, ...key } as const);
  const secondLook = await decideSecondLook(deps.database.db, actor, input.secondLookId, verdict).catch((error: unknown) => {
    logger.error({ err: error, secondLookId: input.secondLookId }, "recording a second look's verdict failed; the save is unaffected");
    return { ok: false, error: { code: "internal", message: "The save landed, but Redline could not record it as the second look's verdict." } } as const;
  });
  return { ...result, secondLook };
}

function decisionOf({ actor, input, key }: Attempt) {
  return { provider: key.provider, targetId: key.targetId, callId: input.callId, userId: actor.id };
}

function metaOf({ actor, input }: Attempt, revision: number | null, applied: Extract<UpdateOutcome, { status: "applied" }> | null): SummaryMeta {
  return {
    revision: revision ?? input.baseRevision,
    version: applied?.version ?? null,
    updatedAt: applied?.updatedAt ? new Date(applied.updatedAt).toISOString() : null,
    providerUpdatedBy: applied?.updatedBy?.name ?? null,
    savedBy: actor.name,
    savedAt: new Date().toISOString(),
    templateKey: input.templateKey,
    outsideWrites: null,
    changedOutside: false,
  };
}
