"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveSummaryAction } from "@/app/(desk)/calls/[provider]/[id]/actions";
import { formatDuration } from "@/components/ui/format-duration";
import { LocalTime } from "@/components/ui/local-time";
import { ProviderErrorAlert } from "@/components/ui/provider-error-alert";
import { providerNames } from "@/lib/providers/provider-id";
import type { CallForReview } from "@/lib/review/load-call-for-review";
import type { ConflictDetails, SaveError, SaveSummaryResult } from "@/lib/review/save-summary";
import type { SummaryMeta } from "@/lib/review/summary-meta";
import { ConflictDialog } from "./conflict-dialog";
import { MetadataBar } from "./metadata-bar";
import { SummaryEditor } from "./summary-editor";
import { TemplateDialog } from "./template-dialog";
import { TranscriptPanel } from "./transcript-panel";

type Base = { content: string | null; revision: number };

export function ReviewWorkspace({ review, canEdit }: { review: CallForReview; canEdit: boolean }) {
  const { call, capabilities } = review;
  const providerName = providerNames[call.ref.provider];
  const [draft, setDraft] = useState(call.summary.content ?? "");
  const [base, setBase] = useState<Base>({ content: call.summary.content, revision: review.meta?.revision ?? 0 });
  const [meta, setMeta] = useState<SummaryMeta | null>(review.meta);
  const [templateKey, setTemplateKey] = useState<string | null>(review.templateKey);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [theirs, setTheirs] = useState<ConflictDetails | null>(null);
  const [setAside, setSetAside] = useState<string | null>(null);
  const [templateChoices, setTemplateChoices] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<SaveError | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const dirty = draft !== (base.content ?? "");
  const tooLong = draft.length > capabilities.maxLength;

  const save = useMutation({
    mutationFn: (variables: { content: string; templateKey: string | null }) =>
      saveSummaryAction({
        provider: call.ref.provider,
        callId: call.ref.callId,
        templateKey: variables.templateKey,
        baseContent: base.content,
        baseRevision: base.revision,
        content: variables.content,
      }),
    onMutate: () => {
      setFailure(null);
      setAnnouncement("Saving…");
    },
    onSuccess: (result: SaveSummaryResult, variables) => {
      if (result.ok) {
        setBase({ content: result.content, revision: result.meta.revision });
        setMeta(result.meta);
        setTemplateKey(variables.templateKey);
        setTheirs(null);
        setAnnouncement(
          `Saved. Revision ${result.meta.revision}${result.meta.version != null ? `, ${providerName} version ${result.meta.version}` : ""}.`,
        );
        return;
      }
      setAnnouncement("");
      const error = result.error;
      if (error.code === "conflict") {
        setConflict(error.conflict);
        setTheirs(error.conflict);
        setAnnouncement("Not saved: the summary changed while you were editing. Your text is kept.");
      } else if (error.code === "template_required") {
        setTemplateChoices(error.templates);
      } else {
        setFailure(error);
      }
    },
    onError: () => {
      setAnnouncement("");
      setFailure({ code: "internal", message: "Redline could not be reached. Your text is kept; check your connection and save again." });
    },
  });

  const canSave = canEdit && dirty && !tooLong && !save.isPending;
  const saveNow = useCallback(
    (key: string | null = templateKey) => {
      if (canSave) save.mutate({ content: draft, templateKey: key });
    },
    [canSave, draft, save, templateKey],
  );

  // Ctrl/⌘+S works while the editor has focus, which is where a reviewer is when they want to save.
  const saveRef = useRef(saveNow);
  useEffect(() => {
    saveRef.current = saveNow;
  }, [saveNow]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveRef.current();
      }
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  const startFromTheirs = () => {
    if (!conflict) return;
    setSetAside(draft);
    setDraft(conflict.currentContent ?? "");
    setBase({ content: conflict.currentContent, revision: base.revision });
    setConflict(null);
    setTheirs(null);
    setAnnouncement("Their version is in the editor. Your previous text is kept beside it.");
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
            {call.agent?.name ?? "unknown"} · <code>{call.ref.callId}</code>
          </p>
        </div>
      </header>
      <div className="panes">
        <TranscriptPanel turns={call.transcript} startedAt={call.startedAt} />
        <section className="summary-pane" aria-labelledby="summary-title">
          <div className="summary-head">
            <h2 id="summary-title">Summary</h2>
            <MetadataBar meta={meta} capabilities={capabilities} />
          </div>
          {call.summary.content == null && base.content == null ? (
            <p className="muted">{providerName} has not generated a summary for this call yet. You can write one.</p>
          ) : null}
          {!canEdit ? <p className="muted">You can read this summary; saving needs the Reviewer role.</p> : null}
          {theirs && !conflict ? (
            <div role="note" className="alert warning">
              <p>
                Not saved: this summary changed while you were editing. Your text is still in the editor.{" "}
                <button type="button" className="link-button" onClick={() => setConflict(theirs)}>
                  Compare versions
                </button>
              </p>
            </div>
          ) : null}
          <SummaryEditor value={draft} onChange={setDraft} readOnly={!canEdit} format={capabilities.format} />
          <div className="editor-footer">
            <span className={tooLong ? "warning-text" : "muted"}>
              {draft.length.toLocaleString("en-US")} / {capabilities.maxLength.toLocaleString("en-US")} characters
              {tooLong ? ` — ${providerName} accepts at most ${capabilities.maxLength.toLocaleString("en-US")}` : ""}
            </span>
            <span className="muted">{dirty ? "Unsaved changes" : "No unsaved changes"}</span>
            {canEdit ? (
              <button type="button" className="button primary" disabled={!canSave} onClick={() => saveNow()}>
                {save.isPending ? "Saving…" : "Save"}
              </button>
            ) : null}
          </div>
          <p role="status" aria-live="polite" className="status-line">
            {announcement}
          </p>
          {failure ? (
            "provider" in failure ? (
              <ProviderErrorAlert error={failure.provider} title="Not saved. Your text is kept.">
                <button type="button" className="button" onClick={() => saveNow()}>
                  Try again
                </button>
              </ProviderErrorAlert>
            ) : (
              <div role="alert" className="alert error">
                <p>{failure.message}</p>
                {failure.code === "unauthenticated" ? (
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
          {setAside !== null ? (
            <section className="set-aside" aria-labelledby="set-aside-title">
              <h3 id="set-aside-title">Your earlier text</h3>
              <textarea readOnly value={setAside} rows={8} aria-label="Your earlier text" />
              <div className="actions">
                <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(setAside)}>
                  Copy
                </button>
                <button type="button" className="button ghost" onClick={() => setSetAside(null)}>
                  Dismiss
                </button>
              </div>
            </section>
          ) : null}
        </section>
      </div>
      <ConflictDialog
        conflict={conflict}
        mine={draft}
        providerName={providerName}
        onClose={() => setConflict(null)}
        onStartFromTheirs={startFromTheirs}
      />
      <TemplateDialog
        templates={templateChoices ?? []}
        open={templateChoices !== null}
        onCancel={() => setTemplateChoices(null)}
        onChoose={(key) => {
          setTemplateChoices(null);
          setTemplateKey(key);
          saveNow(key);
        }}
      />
    </main>
  );
}
