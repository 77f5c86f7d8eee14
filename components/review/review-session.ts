import type { ActionFailure } from "@/lib/auth/action-failure";
import type { SummaryTemplate } from "@/lib/providers/types";
import type { SaveError, SaveIntent, SaveSummaryResult } from "@/lib/review/save/save-summary";
import type { SummaryMeta } from "@/lib/review/save/summary-meta";
import type { MergeRequest } from "./conflict-dialog";
import type { StoredDraft } from "./use-local-draft";

/** The text a draft was started from, and Redline's revision of it: what a save is checked against. */
export type Base = { content: string | null; revision: number };

export type SaveRequest = {
  content: string;
  baseContent: string | null;
  intent: SaveIntent;
  templateKey: string | null;
  /** Open the next call once this save lands (Save & next). */
  thenNext?: boolean;
};

export type SaveFailure = SaveError | ActionFailure["error"];

/**
 * Where a save stands. One phase at a time: a conflict holds its merge (shown in the dialog or waiting
 * behind a note), a template choice holds the request it will resend, an accepted write is confirmed.
 */
export type SavePhase =
  | { name: "editing" }
  | { name: "saving"; request: SaveRequest }
  | { name: "conflict"; request: SaveRequest; merge: MergeRequest; dialogOpen: boolean }
  | { name: "choosing-template"; request: SaveRequest; templates: SummaryTemplate[] }
  | { name: "awaiting"; journalId: number; attempt: number }
  | { name: "failed"; request: SaveRequest; error: SaveFailure }
  /** The reviewer asked to fold a change made meanwhile into their draft, and the lines overlap. */
  | { name: "merging-draft"; merge: MergeRequest };

export type ReviewSession = {
  draft: string;
  base: Base;
  meta: SummaryMeta | null;
  templateKey: string | null;
  phase: SavePhase;
  /** The status line, read out to screen readers. */
  announcement: string;
};

export type ReviewEvent =
  | { type: "typed"; text: string }
  | { type: "announced"; text: string }
  | { type: "save-started"; request: SaveRequest }
  | { type: "save-finished"; request: SaveRequest; result: SaveSummaryResult | ActionFailure; providerName: string }
  | { type: "failed"; request: SaveRequest; error: SaveFailure }
  | { type: "conflict-dialog"; open: boolean }
  | { type: "template-dismissed" }
  | { type: "template-selected"; key: string | null }
  | { type: "confirmed"; meta: SummaryMeta; providerName: string }
  | { type: "confirm-again" }
  | { type: "draft-restored"; draft: StoredDraft }
  | { type: "draft-merge-opened"; merge: MergeRequest }
  | { type: "draft-merge-closed" }
  /** A change made meanwhile is in the draft: the text it brought becomes the new base. */
  | { type: "merged-into-draft"; text: string; theirs: string | null; clean: boolean }
  | { type: "used-as-draft"; text: string };

export function startSession(initial: { content: string | null; meta: SummaryMeta | null; templateKey: string | null; awaitingJournalId: number | null }): ReviewSession {
  return {
    draft: initial.content ?? "",
    base: { content: initial.content, revision: initial.meta?.revision ?? 0 },
    meta: initial.meta,
    templateKey: initial.templateKey,
    phase: initial.awaitingJournalId ? { name: "awaiting", journalId: initial.awaitingJournalId, attempt: 0 } : { name: "editing" },
    announcement: "",
  };
}

const editing: SavePhase = { name: "editing" };

function savedAnnouncement(result: Extract<SaveSummaryResult, { ok: true }>, providerName: string): string {
  switch (result.outcome) {
    case "accepted":
      return `Accepted — waiting for ${providerName} to apply it.`;
    case "stored":
      return `Saved in Redline as revision ${result.meta.revision}. ${providerName}'s own copy was not changed.`;
    case "approved":
      return "Approved unchanged.";
    default:
      return `Saved. Revision ${result.meta.revision}${result.meta.version != null ? `, ${providerName} version ${result.meta.version}` : ""}.`;
  }
}

function finished(session: ReviewSession, event: Extract<ReviewEvent, { type: "save-finished" }>): ReviewSession {
  const { request, result, providerName } = event;
  if (result.ok) {
    if (result.outcome === "approved") return { ...session, phase: editing, announcement: savedAnnouncement(result, providerName) };
    return {
      ...session,
      // A merge, restore or overwrite saves a text other than the one being typed: show what was saved.
      draft: request.intent === "edit" ? session.draft : result.content,
      base: { content: result.content, revision: result.meta.revision },
      meta: result.meta,
      templateKey: request.templateKey,
      phase: result.outcome === "accepted" ? { name: "awaiting", journalId: result.journalId, attempt: 0 } : editing,
      announcement: savedAnnouncement(result, providerName),
    };
  }
  const { error } = result;
  if (error.code === "conflict" && request.intent !== "approve") {
    const merge: MergeRequest = {
      base: error.conflict.baseContent ?? "",
      theirs: error.conflict.currentContent ?? "",
      changedBy: error.conflict.changedBy,
      changedAt: error.conflict.changedAt,
      version: error.conflict.version,
      purpose: "save",
    };
    return {
      ...session,
      phase: { name: "conflict", request, merge, dialogOpen: true },
      announcement: "Not saved: the summary changed while you were editing. Your text is kept.",
    };
  }
  if (error.code === "template_required") {
    return { ...session, phase: { name: "choosing-template", request, templates: error.templates }, announcement: "" };
  }
  return { ...session, phase: { name: "failed", request, error }, announcement: "" };
}

/** Every change to the reviewer's session, in one place: what the workspace shows follows from this state. */
export function reviewSession(session: ReviewSession, event: ReviewEvent): ReviewSession {
  switch (event.type) {
    case "typed":
      return { ...session, draft: event.text };
    case "announced":
      return { ...session, announcement: event.text };
    case "save-started":
      return {
        ...session,
        phase: { name: "saving", request: event.request },
        announcement: event.request.intent === "approve" ? "Approving…" : "Saving…",
      };
    case "save-finished":
      return finished(session, event);
    case "failed":
      return { ...session, phase: { name: "failed", request: event.request, error: event.error }, announcement: "" };
    case "conflict-dialog":
      return session.phase.name === "conflict" ? { ...session, phase: { ...session.phase, dialogOpen: event.open } } : session;
    case "template-dismissed":
      return session.phase.name === "choosing-template" ? { ...session, phase: editing } : session;
    case "template-selected":
      return { ...session, templateKey: event.key };
    case "confirmed":
      return session.phase.name === "awaiting"
        ? { ...session, meta: event.meta, phase: editing, announcement: `Applied: ${event.providerName} now shows your text.` }
        : session;
    case "confirm-again":
      return session.phase.name === "awaiting" ? { ...session, phase: { ...session.phase, attempt: session.phase.attempt + 1 } } : session;
    case "draft-restored":
      return {
        ...session,
        draft: event.draft.content,
        base: { content: event.draft.baseContent, revision: event.draft.baseRevision },
        announcement: "Your draft is restored. It is saved against the text it started from.",
      };
    case "draft-merge-opened":
      return { ...session, phase: { name: "merging-draft", merge: event.merge } };
    case "draft-merge-closed":
      return session.phase.name === "merging-draft" ? { ...session, phase: editing } : session;
    case "merged-into-draft":
      return {
        ...session,
        draft: event.text,
        base: { content: event.theirs, revision: session.base.revision },
        phase: editing,
        announcement: event.clean ? "Their changes are merged into your draft. Nothing is saved yet." : "Merged into your draft. Nothing is saved yet.",
      };
    case "used-as-draft":
      return { ...session, draft: event.text, announcement: "That text is in the editor. Save when ready." };
  }
}

/** The merge the conflict dialog shows, if any. */
export function openMerge(phase: SavePhase): MergeRequest | null {
  if (phase.name === "conflict") return phase.dialogOpen ? phase.merge : null;
  return phase.name === "merging-draft" ? phase.merge : null;
}
