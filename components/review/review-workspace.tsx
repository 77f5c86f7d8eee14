"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  claimCallAction,
  confirmSaveAction,
  nextCallAction,
  releaseCallAction,
  saveSummaryAction,
} from "@/app/(desk)/calls/[provider]/[id]/actions";
import { formatDuration } from "@/components/ui/format-duration";
import { LocalTime } from "@/components/ui/local-time";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { ProviderErrorAlert } from "@/components/ui/provider-error-alert";
import { hasRole, type Role } from "@/lib/auth/roles";
import { providerNames } from "@/lib/providers/provider-names";
import type { SummaryTemplate } from "@/lib/providers/types";
import type { SummaryCheck } from "@/lib/review/check-summary";
import type { HistoryEntry } from "@/lib/review/history-entry";
import type { CallForReview } from "@/lib/review/load-call-for-review";
import type { SaveError, SaveIntent, SaveSummaryResult } from "@/lib/review/save-summary";
import type { SummaryMeta } from "@/lib/review/summary-meta";

import { CapabilityNote } from "./capability-note";
import type { MergeRequest } from "./conflict-dialog";
import { DraftOffer } from "./draft-offer";

import { MetadataBar } from "./metadata-bar";
import { StaleBanner } from "./stale-banner";
import { SummaryEditor } from "./summary-editor";
import { TemplateDialog } from "./template-dialog";

import { TranscriptPanel } from "./transcript-panel";
import { useLocalDraft } from "./use-local-draft";

// The merge, diff and history views are only needed once a reviewer asks for them: loaded on demand,
// they stay out of the review page's first load.
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((module) => module.ConflictDialog), { ssr: false });
const HistoryDialog = dynamic(() => import("./history-dialog").then((module) => module.HistoryDialog), { ssr: false });
const TextDiff = dynamic(() => import("./text-diff").then((module) => module.TextDiff), { ssr: false });

type Base = { content: string | null; revision: number };
type SaveRequest = {
  content: string;
  baseContent: string | null;
  intent: SaveIntent;
  templateKey: string | null;
  /** Open the next call once this save lands (Save & next). */
  thenNext?: boolean;
};

// Twilio and the like apply an accepted write later; past this, the reviewer is warned and may check again.
const confirmLimitMs = 30_000;

async function fetchSummary(provider: string, callId: string): Promise<SummaryCheck> {
  const response = await fetch(`/api/calls/${provider}/${encodeURIComponent(callId)}/summary`, { cache: "no-store" });
  if (!response.ok) throw new Error(`summary check failed: ${response.status}`);
  return (await response.json()) as SummaryCheck;
}

export function ReviewWorkspace({ review, role }: { review: CallForReview; role: Role }) {
  const { call, capabilities } = review;
  const { provider, callId } = call.ref;
  const providerName = providerNames[provider];
  // What a save writes; null when the call has nothing to edit (a Bland call whose contact has no memory).
  const targetId = call.target?.id ?? null;
  const canReview = hasRole(role, "reviewer");
  const canEdit = canReview && targetId !== null;
  const queryClient = useQueryClient();
  const router = useRouter();
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const [draft, setDraft] = useState(review.content ?? "");
  const [base, setBase] = useState<Base>({ content: review.content, revision: review.meta?.revision ?? 0 });
  const [meta, setMeta] = useState<SummaryMeta | null>(review.meta);
  const [templateKey, setTemplateKey] = useState<string | null>(review.templateKey);
  const [merge, setMerge] = useState<MergeRequest | null>(null);
  const [unresolved, setUnresolved] = useState<MergeRequest | null>(null);
  const [viewChanges, setViewChanges] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [templateRequest, setTemplateRequest] = useState<{ templates: SummaryTemplate[]; request: SaveRequest } | null>(null);
  const [failure, setFailure] = useState<{ error: SaveError; request: SaveRequest } | null>(null);
  const [awaiting, setAwaiting] = useState<{ journalId: number; attempt: number } | null>(
    review.awaitingJournalId ? { journalId: review.awaitingJournalId, attempt: 0 } : null,
  );
  const [overdue, setOverdue] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  // Keyed by the target: calls that share one summary share its draft.
  const localDraft = useLocalDraft(`redline:draft:${provider}:${targetId ?? callId}:${templateKey ?? "-"}`);
  const dirty = draft !== (base.content ?? "");
  const tooLong = draft.length > capabilities.maxLength;

  // Keep the text in the browser until it is saved: shortly after typing stops, and at once when the
  // page goes away, so a reload or a closed tab loses nothing.
  const keepDraft = useCallback(() => {
    if (canEdit && dirty) localDraft.keep({ content: draft, baseContent: base.content, baseRevision: base.revision });
  }, [canEdit, dirty, draft, base, localDraft]);
  useEffect(() => {
    const timer = setTimeout(keepDraft, 300);
    window.addEventListener("pagehide", keepDraft);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", keepDraft);
    };
  }, [keepDraft]);

  // Warn before the save, not only after: poll the summary while it is open and on window focus.
  const summaryKey = ["summary", provider, callId] as const;
  const current = useQuery({
    queryKey: summaryKey,
    queryFn: () => fetchSummary(provider, callId),
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
    staleTime: 5_000,
  });
  const changedUnderneath =
    current.data && current.data.content !== base.content && current.data.content !== draft && !awaiting ? current.data : null;

  // A soft claim tells other reviewers this call is taken; renewed while open, released on leaving.
  const claim = useQuery({
    queryKey: ["claim", provider, callId],
    queryFn: () => claimCallAction({ provider, callId }),
    enabled: canEdit,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    if (!canEdit) return;
    return () => void releaseCallAction({ provider, callId });
  }, [canEdit, provider, callId]);
  const otherHolder = claim.data?.ok && claim.data.claim && !claim.data.claim.mine ? claim.data.claim : null;

  const save = useMutation({
    mutationFn: (request: SaveRequest) =>
      saveSummaryAction({
        provider,
        callId,
        targetId,
        templateKey: request.templateKey,
        baseContent: request.baseContent,
        baseRevision: base.revision,
        content: request.content,
        intent: request.intent,
      }),
    onMutate: () => {
      setFailure(null);
      setAnnouncement("Saving…");
    },
    onSuccess: (result: SaveSummaryResult, request) => {
      if (result.ok) {
        // A merge, restore or overwrite saves a text other than the one being typed: show what was saved.
        if (request.intent !== "edit") setDraft(result.content);
        setBase({ content: result.content, revision: result.meta.revision });
        setMeta(result.meta);
        setTemplateKey(request.templateKey);
        setUnresolved(null);
        setMerge(null);
        localDraft.clear();
        queryClient.setQueryData<SummaryCheck>(summaryKey, (old) =>
          old ? { ...old, content: result.content } : undefined,
        );
        void queryClient.invalidateQueries({ queryKey: ["history", provider, callId] });
        if (request.thenNext) void goToNext();
        if (result.outcome === "accepted") {
          setAwaiting({ journalId: result.journalId, attempt: 0 });
          setAnnouncement(`Accepted — waiting for ${providerName} to apply it.`);
        } else if (result.outcome === "stored") {
          setAnnouncement(`Saved in Redline as revision ${result.meta.revision}. ${providerName}'s own copy was not changed.`);
        } else {
          setAnnouncement(
            `Saved. Revision ${result.meta.revision}${result.meta.version != null ? `, ${providerName} version ${result.meta.version}` : ""}.`,
          );
        }
        return;
      }
      setAnnouncement("");
      const error = result.error;
      if (error.code === "conflict") {
        const request: MergeRequest = {
          base: error.conflict.baseContent ?? "",
          theirs: error.conflict.currentContent ?? "",
          changedBy: error.conflict.changedBy,
          changedAt: error.conflict.changedAt,
          version: error.conflict.version,
          purpose: "save",
        };
        setMerge(request);
        setUnresolved(request);
        void current.refetch();
        setAnnouncement("Not saved: the summary changed while you were editing. Your text is kept.");
      } else if (error.code === "template_required") {
        setTemplateRequest({ templates: error.templates, request });
      } else {
        setFailure({ error, request });
      }
    },
    onError: (_error, request) => {
      setAnnouncement("");
      setFailure({
        error: { code: "internal", message: "Redline could not be reached. Your text is kept; check your connection and save again." },
        request,
      });
    },
  });

  // An accepted write is confirmed by re-reading until the provider shows it.
  const confirm = useQuery({
    queryKey: ["confirm", provider, awaiting?.journalId],
    queryFn: () => confirmSaveAction({ provider, journalId: awaiting!.journalId }),
    enabled: awaiting !== null,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data?.ok && data.state !== "waiting") return false;
      return overdue ? false : 1000;
    },
  });
  useEffect(() => {
    if (!awaiting) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOverdue(false);
    const timer = setTimeout(() => setOverdue(true), confirmLimitMs);
    return () => clearTimeout(timer);
  }, [awaiting]);
  const confirmState = confirm.data?.ok ? confirm.data.state : null;
  useEffect(() => {
    if (confirm.data?.ok && confirm.data.state === "applied") {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setMeta(confirm.data.meta);
      setAwaiting(null);
      setAnnouncement(`Applied: ${providerName} now shows your text.`);
      void queryClient.invalidateQueries({ queryKey: summaryKey });
    }
    // summaryKey is rebuilt each render from stable parts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [confirm.data, providerName, queryClient]);
  const confirmOverdue = awaiting !== null && confirmState === "waiting" && overdue;

  const goToNext = useCallback(async () => {
    setAnnouncement("Opening the next call…");
    const next = await nextCallAction().catch(() => null);
    if (next?.ok) {
      router.push(next.href);
      return;
    }
    setAnnouncement("");
    const message = next ? next.error.message : "Redline could not be reached. Check your connection and try again.";
    setFailure({ error: { code: "internal", message }, request: { content: draft, baseContent: base.content, intent: "edit", templateKey } });
  }, [router, draft, base.content, templateKey]);

  // Approving is a save of the text as the reviewer saw it: journalled, and refused if it changed meanwhile.
  const approve = useMutation({
    mutationFn: () =>
      saveSummaryAction({
        provider,
        callId,
        targetId,
        templateKey,
        baseContent: base.content,
        baseRevision: base.revision,
        content: base.content ?? "",
        intent: "approve",
      }),
    onMutate: () => {
      setFailure(null);
      setAnnouncement("Approving…");
    },
    onSuccess: (result: SaveSummaryResult) => {
      if (result.ok) {
        setAnnouncement("Approved unchanged.");
        void queryClient.invalidateQueries({ queryKey: ["history", provider, callId] });
        void goToNext();
        return;
      }
      setAnnouncement("");
      // A change made meanwhile shows in the banner above the editor, with its diff.
      if (result.error.code === "conflict") void current.refetch();
      setFailure({ error: result.error, request: { content: draft, baseContent: base.content, intent: "edit", templateKey } });
    },
    onError: () => {
      setAnnouncement("");
      setFailure({
        error: { code: "internal", message: "Redline could not be reached. Nothing was approved; check your connection and try again." },
        request: { content: draft, baseContent: base.content, intent: "edit", templateKey },
      });
    },
  });

  const canSave = canEdit && dirty && !tooLong && !save.isPending && awaiting === null;
  const saveDraft = useCallback(
    (overrides: Partial<SaveRequest> = {}) => {
      if (!canEdit || save.isPending) return;
      const request: SaveRequest = { content: draft, baseContent: base.content, intent: "edit", templateKey, ...overrides };
      if (request.content === request.baseContent || request.content.length > capabilities.maxLength) return;
      save.mutate(request);
    },
    [canEdit, save, draft, base.content, templateKey, capabilities.maxLength],
  );

  // The shortcuts use modifiers so they keep working while the editor has focus, where reviewers are.
  const shortcutsRef = useRef<(event: KeyboardEvent) => void>(() => {});
  useEffect(() => {
    shortcutsRef.current = (event) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.altKey && !event.shiftKey && key === "s") {
        event.preventDefault();
        if (canSave) saveDraft();
      } else if (mod && !event.altKey && key === "enter") {
        event.preventDefault();
        if (canSave) saveDraft({ thenNext: true });
      } else if (mod && event.shiftKey && key === "a") {
        event.preventDefault();
        if (canEdit && !dirty && base.content != null && !approve.isPending) approve.mutate();
      } else if (event.altKey && !mod && event.key === "ArrowDown") {
        event.preventDefault();
        if (canEdit) void goToNext();
      } else if (event.altKey && !mod && event.key === "ArrowUp") {
        event.preventDefault();
        router.back();
      } else if (event.key === "?" && !(event.target instanceof HTMLElement && event.target.closest("input, textarea, [contenteditable]"))) {
        event.preventDefault();
        setShortcutsOpen(true);
      }
    };
  }, [canSave, canEdit, dirty, base.content, saveDraft, approve, goToNext, router]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => shortcutsRef.current(event);
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);

  // Leaving by a link with unsaved changes asks first; the draft stays in this browser either way.
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || link.getAttribute("target") === "_blank") return;
      if (!window.confirm("You have unsaved changes. They stay in this browser as a draft. Leave this call?")) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener("click", onClick, { capture: true });
    return () => document.removeEventListener("click", onClick, { capture: true });
  }, [dirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  const mergeIntoDraft = async () => {
    if (!changedUnderneath) return;
    const theirs = changedUnderneath.content ?? "";
    const { threeWayMerge } = await import("@/lib/review/three-way-merge");
    const result = threeWayMerge(base.content ?? "", draft, theirs);
    if (result.clean) {
      setDraft(result.text);
      setBase({ content: changedUnderneath.content, revision: base.revision });
      setAnnouncement("Their changes are merged into your draft. Nothing is saved yet.");
      return;
    }
    setMerge({ ...changedUnderneath, base: base.content ?? "", theirs, purpose: "draft" });
  };

  const resolveMerge = (text: string) => {
    if (!merge) return;
    if (merge.purpose === "draft") {
      setDraft(text);
      setBase({ content: merge.theirs, revision: base.revision });
      setMerge(null);
      setAnnouncement("Merged into your draft. Nothing is saved yet.");
      return;
    }
    saveDraft({ content: text, baseContent: merge.theirs, intent: "merge" });
  };

  const counterpart = call.counterpart.name ?? call.counterpart.number ?? "Unknown caller";

  return (
    <main className="workspace">
      <header className="call-header">
        <div>
          <Link href="/queue" className="muted">
            ← Queue
          </Link>
          <h1>
            {call.direction === "inbound" ? "Inbound call from" : "Outbound call to"} {counterpart}
          </h1>
          <p className="muted">
            {providerName} · <LocalTime iso={call.startedAt} /> · {formatDuration(call.durationSec)} · agent{" "}
            {call.agent?.name ?? "unknown"} · <code>{callId}</code>
          </p>
        </div>
      </header>
      <div className="panes">
        <TranscriptPanel turns={call.transcript} startedAt={call.startedAt} />
        <section className="summary-pane" aria-labelledby="summary-title">
          <div className="summary-head">
            <h2 id="summary-title">Summary</h2>
            <MetadataBar meta={meta} capabilities={capabilities} />
            <button type="button" className="button ghost" onClick={() => setHistoryOpen(true)}>
              History
            </button>
          </div>
          <CapabilityNote capabilities={capabilities} call={call} />
          {review.content == null && !call.summary.status ? (
            <p className="muted">{providerName} has not written a summary for this call yet. You can write one.</p>
          ) : null}
          {!canReview ? <p className="muted">You can read this summary; saving needs the Reviewer role.</p> : null}
          {review.shared ? (
            <p role="note" className="alert">
              This summary is {review.shared.label}
              {review.shared.calls > 1 ? `, shared by ${review.shared.calls} calls in the queue` : ", which other calls of theirs share"}: a
              save here changes it for every one of them.
            </p>
          ) : null}
          {otherHolder ? (
            <p role="status" className="alert warning">
              {otherHolder.holder} is reviewing this call (since <LocalTime iso={otherHolder.since} style="time" />). You can still
              edit; a save that meets theirs is caught as a conflict.
            </p>
          ) : null}
          {canEdit && localDraft.offered && localDraft.offered.content !== draft ? (
            <DraftOffer
              draft={localDraft.offered}
              onRestore={() => {
                const offered = localDraft.offered!;
                setDraft(offered.content);
                setBase({ content: offered.baseContent, revision: offered.baseRevision });
                localDraft.dismissOffer();
                setAnnouncement("Your draft is restored. It is saved against the text it started from.");
              }}
              onDiscard={localDraft.clear}
            />
          ) : null}
          {changedUnderneath && !merge && canEdit ? (
            <StaleBanner
              current={changedUnderneath}
              meta={meta}
              providerName={providerName}
              onViewChanges={() => setViewChanges(true)}
              onMerge={() => void mergeIntoDraft()}
            />
          ) : null}
          {unresolved && !merge ? (
            <div role="note" className="alert warning">
              <p>
                Not saved: this summary changed while you were editing. Your text is still in the editor.{" "}
                <button type="button" className="link-button" onClick={() => setMerge(unresolved)}>
                  Resolve the conflict
                </button>
              </p>
            </div>
          ) : null}
          <SummaryEditor value={draft} onChange={setDraft} readOnly={!canEdit} format={capabilities.format} />
          <div className="editor-footer">
            <span className={tooLong ? "warning-text" : "muted"} aria-live="polite">
              {draft.length.toLocaleString("en-US")} / {capabilities.maxLength.toLocaleString("en-US")} characters
              {tooLong
                ? ` — ${providerName} accepts at most ${capabilities.maxLength.toLocaleString("en-US")}; shorten it by ${(draft.length - capabilities.maxLength).toLocaleString("en-US")} to save`
                : ""}
            </span>
            <span className="muted">{dirty ? "Unsaved changes (kept in this browser)" : "No unsaved changes"}</span>
            {canEdit ? (
              <>
                <button
                  type="button"
                  className="button"
                  disabled={dirty || approve.isPending || base.content == null}
                  onClick={() => approve.mutate()}
                  title="Ctrl+Shift+A"
                >
                  Approve unchanged
                </button>
                <button type="button" className="button" disabled={!canSave} onClick={() => saveDraft({ thenNext: true })} title="Ctrl+Enter">
                  Save &amp; next
                </button>
                <button type="button" className="button primary" disabled={!canSave} onClick={() => saveDraft()} title="Ctrl+S">
                  {save.isPending ? "Saving…" : "Save"}
                </button>
              </>
            ) : null}
          </div>
          <p role="status" aria-live="polite" className="status-line">
            {announcement}
          </p>
          {awaiting && confirmState === "superseded" ? (
            <div role="alert" className="alert warning">
              <p>{providerName} accepted your save, but now shows a different text: someone changed it after you. Open History to compare.</p>
            </div>
          ) : null}
          {confirmOverdue ? (
            <div role="alert" className="alert warning">
              <p>
                {providerName} accepted your save {Math.round(confirmLimitMs / 1000)} s ago but does not show it yet. Your text is in
                Redline&apos;s journal.
              </p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setAwaiting({ journalId: awaiting.journalId, attempt: awaiting.attempt + 1 });
                  void confirm.refetch();
                }}
              >
                Check again
              </button>
            </div>
          ) : null}
          {confirm.data && !confirm.data.ok ? (
            <p role="alert" className="warning-text">
              Could not check whether {providerName} applied your save: {confirm.data.error.message}
            </p>
          ) : null}
          {failure ? (
            "provider" in failure.error ? (
              <ProviderErrorAlert error={failure.error.provider} title="Not saved. Your text is kept.">
                <button type="button" className="button" onClick={() => saveDraft(failure.request)}>
                  Try again
                </button>
              </ProviderErrorAlert>
            ) : (
              <div role="alert" className="alert error">
                <p>{failure.error.message}</p>
                {failure.error.code === "unauthenticated" ? (
                  <p>
                    <a href="/login" target="_blank" rel="noopener">
                      Sign in again in a new tab
                    </a>
                    , then save here.
                  </p>
                ) : null}
              </div>
            )
          ) : null}
        </section>
      </div>
      <ConflictDialog
        request={merge}
        mine={draft}
        providerName={providerName}
        canOverwrite={hasRole(role, "lead")}
        onClose={() => setMerge(null)}
        onResolved={resolveMerge}
        onOverwrite={() => merge && saveDraft({ baseContent: merge.theirs, intent: "overwrite" })}
      />
      <ModalDialog title="What changed since you opened it" open={viewChanges} onClose={() => setViewChanges(false)} wide>
        {changedUnderneath ? (
          <TextDiff before={base.content ?? ""} after={changedUnderneath.content ?? ""} beforeLabel="When you opened it" afterLabel="Now" />
        ) : (
          <p>The summary is as you opened it.</p>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={() => setViewChanges(false)}>
            Close
          </button>
        </div>
      </ModalDialog>
      <HistoryDialog
        callRef={call.ref}
        open={historyOpen}
        onClose={() => setHistoryOpen(false)}
        canEdit={canEdit}
        onRestore={(entry: HistoryEntry) => {
          setHistoryOpen(false);
          saveDraft({ content: entry.content, intent: "restore" });
        }}
        onUseAsDraft={(entry: HistoryEntry) => {
          setHistoryOpen(false);
          setDraft(entry.content);
          setAnnouncement("That text is in the editor. Save when ready.");
        }}
      />
      <ModalDialog title="Keyboard shortcuts" open={shortcutsOpen} onClose={() => setShortcutsOpen(false)}>
        <dl className="shortcuts">
          <dt>Ctrl/⌘+S</dt>
          <dd>Save</dd>
          <dt>Ctrl/⌘+Enter</dt>
          <dd>Save and open the next call</dd>
          <dt>Ctrl/⌘+Shift+A</dt>
          <dd>Approve the summary unchanged and open the next call</dd>
          <dt>Alt+↓</dt>
          <dd>Next unreviewed call (your draft stays in this browser)</dd>
          <dt>Alt+↑</dt>
          <dd>Back to the previous page</dd>
          <dt>?</dt>
          <dd>This list (outside the editor)</dd>
        </dl>
        <div className="actions">
          <button type="button" className="button" onClick={() => setShortcutsOpen(false)}>
            Close
          </button>
        </div>
      </ModalDialog>
      <TemplateDialog
        templates={templateRequest?.templates ?? []}
        open={templateRequest !== null}
        onCancel={() => setTemplateRequest(null)}
        onChoose={(key) => {
          const pending = templateRequest?.request;
          setTemplateRequest(null);
          setTemplateKey(key);
          if (pending) saveDraft({ ...pending, templateKey: key });
        }}
      />
    </main>
  );
}
