"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useReducer, useRef, useState } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import { providerNames } from "@/lib/providers/provider-names";
import type { CallForReview } from "@/lib/review/calls/load-call-for-review";
import { CallHeader } from "./call-header";
import { CapabilityNote } from "./capability-note";
import { CorrectionReasonPicker } from "./correction-reason-picker";
import { EvidencePanel } from "./evidence/evidence-panel";
import { useEvidenceReview } from "./evidence/use-evidence-review";
import { MetadataBar } from "./metadata-bar";
import { reviewQueries } from "./review-queries";
import { openMerge, reviewSession, startSession } from "./review-session";
import { SaveOutcome } from "./save-outcome";
import { SummaryEditor } from "./summary-editor";
import { SummaryFooter } from "./summary-footer";
import { SecondLookNote } from "./second-look-note";
import { SummaryNotices } from "./summary-notices";
import { TemplateDialog } from "./template-dialog";
import { TemplateSelect } from "./template-select";
import { TranscriptPanel } from "./transcript-panel";
import { useAcceptedConfirmation } from "./use-accepted-confirmation";
import { useClaim } from "./use-claim";
import { useCorrectionReasons } from "./use-correction-reasons";
import { useLeaveGuard } from "./use-leave-guard";
import { useKeptDraft } from "./use-kept-draft";
import { useQueueWalk } from "./use-queue-walk";
import { useReviewSave } from "./use-review-save";
import { useReviewShortcuts } from "./use-review-shortcuts";
import type { WorkspaceActions } from "./workspace-actions";

// The merge, diff and history views are only needed once a reviewer asks for them: loaded on demand,
// they stay out of the review page's first load.
const ConflictDialog = dynamic(() => import("./conflict-dialog").then((module) => module.ConflictDialog), { ssr: false });
const HistoryDialog = dynamic(() => import("./history-dialog").then((module) => module.HistoryDialog), { ssr: false });
const ChangesDialog = dynamic(() => import("./changes-dialog").then((module) => module.ChangesDialog), { ssr: false });

/** The review page: the transcript beside the summary editor, and everything a save can meet. */
export function ReviewWorkspace({
  review,
  role,
  actions,
  secondLookId = null,
}: {
  review: CallForReview;
  role: Role;
  actions: WorkspaceActions;
  /** A lead came from a second look: their save or approval here is its verdict. */
  secondLookId?: number | null;
}) {
  const { call, capabilities } = review;
  const ref = call.ref;
  const providerName = providerNames[ref.provider];
  // What a save writes; null when the call has nothing to edit (a Bland call whose contact has no memory).
  const targetId = call.target?.id ?? null;
  const canReview = hasRole(role, "reviewer");
  const canEdit = canReview && targetId !== null;

  const [session, dispatch] = useReducer(reviewSession, review, startSession);
  const { draft, base, meta, templateKey, phase } = session;
  const [dialog, setDialog] = useState<"history" | "changes" | null>(null);
  const dirty = draft !== (base.content ?? "");
  const onType = useCallback((text: string) => dispatch({ type: "typed", text }), []);

  const localDraft = useKeptDraft(`redline:draft:${ref.provider}:${targetId ?? ref.callId}:${templateKey ?? "-"}`, draft, base, canEdit && dirty);

  // Warn before the save, not only after: the summary is re-read while it is open.
  const watch = useQuery(reviewQueries.summary(ref));
  const changedUnderneath =
    watch.data && watch.data.content !== base.content && watch.data.content !== draft && phase.name !== "awaiting" ? watch.data : null;
  const otherHolder = useClaim(ref, canEdit);
  const evidence = useEvidenceReview({ call, draft, base: base.content ?? "", format: capabilities.format });
  const reasons = useCorrectionReasons(base.content ?? "", draft, evidence.baseFlagKinds);
  const reasonsRef = useRef<HTMLFieldSetElement>(null);
  const confirmation = useAcceptedConfirmation(ref, phase, dispatch, providerName);
  const saving = useReviewSave({
    ref,
    targetId,
    actions,
    session,
    dispatch,
    providerName,
    canEdit,
    maxLength: capabilities.maxLength,
    onSaved: localDraft.clear,
    reasons: [...reasons.chosen],
    unresolvedFlags: evidence.unresolvedFlags,
    secondLookId,
  });
  const canSave = canEdit && dirty && draft.length <= capabilities.maxLength && !saving.pending && phase.name !== "awaiting";
  const canApprove = canEdit && !dirty && base.content != null && !saving.pending;

  const goAlongQueue = useQueueWalk(ref, actions.adjacent, dispatch);
  useReviewShortcuts({
    save: () => canSave && saving.save(),
    saveAndNext: () => canSave && saving.save({ thenNext: true }),
    approve: () => canApprove && saving.approve(),
    next: () => void goAlongQueue("next"),
    previous: () => void goAlongQueue("previous"),
    reasons: () => reasonsRef.current?.querySelector("input")?.focus(),
    flags: evidence.focusFlags,
    linkedTurn: evidence.nextLinkedTurn,
  });
  useLeaveGuard(dirty);


  const merge = openMerge(phase);
  const mergeIntoDraft = async () => {
    if (!changedUnderneath) return;
    const theirs = changedUnderneath.content ?? "";
    const { threeWayMerge } = await import("@/lib/review/text/three-way-merge");
    const result = threeWayMerge(base.content ?? "", draft, theirs);
    if (result.clean) dispatch({ type: "merged-into-draft", text: result.text, theirs: changedUnderneath.content, clean: true });
    else dispatch({ type: "draft-merge-opened", merge: { ...changedUnderneath, base: base.content ?? "", theirs, purpose: "draft" } });
  };
  const resolveMerge = (text: string) => {
    if (!merge) return;
    if (merge.purpose === "draft") dispatch({ type: "merged-into-draft", text, theirs: merge.theirs, clean: false });
    else saving.save({ content: text, baseContent: merge.theirs, intent: "merge" });
  };
  const offered = localDraft.offered && localDraft.offered.content !== draft ? localDraft.offered : null;

  return (
    <main className="workspace">
      <CallHeader call={call} providerName={providerName} />
      <div className="panes">
        <TranscriptPanel
          turns={call.transcript}
          startedAt={call.startedAt}
          status={call.transcriptStatus}
          providerName={providerName}
          evidence={evidence.transcriptEvidence}
        />
        <section className="summary-pane" aria-labelledby="summary-title">
          <div className="summary-head">
            <h2 id="summary-title">Summary</h2>
            <MetadataBar meta={meta} capabilities={capabilities} />
            <button type="button" className="button ghost" onClick={() => setDialog("history")}>
              History
            </button>
          </div>
          <CapabilityNote capabilities={capabilities} call={call} />
          {secondLookId !== null ? <SecondLookNote outcome={saving.secondLook} /> : null}
          <SummaryNotices
            review={review}
            providerName={providerName}
            canReview={canReview}
            canEdit={canEdit}
            otherHolder={otherHolder}
            offeredDraft={offered}
            changedUnderneath={merge ? null : changedUnderneath}
            meta={meta}
            unresolvedConflict={phase.name === "conflict" && !phase.dialogOpen}
            dirty={dirty}
            on={{
              restoreDraft: () => {
                dispatch({ type: "draft-restored", draft: offered! });
                localDraft.dismissOffer();
              },
              discardDraft: localDraft.clear,
              viewChanges: () => setDialog("changes"),
              mergeChanges: () => void mergeIntoDraft(),
              resolveConflict: () => dispatch({ type: "conflict-dialog", open: true }),
            }}
          />
          <TemplateSelect
            templates={capabilities.templates}
            value={templateKey}
            providerName={providerName}
            disabled={!canEdit || saving.pending}
            onChange={(key) => dispatch({ type: "template-selected", key })}
          />
          <SummaryEditor value={draft} onChange={onType} readOnly={!canEdit} format={capabilities.format} />
          <EvidencePanel
            state={evidence.state}
            providerName={providerName}
            stale={evidence.stale}
            activeFlag={evidence.activeFlag}
            onFlag={evidence.chooseFlag}
            onMissed={evidence.chooseMissed}
            flagsRef={evidence.flagsRef}
            coversOtherCalls={evidence.coversOtherCalls}
          />
          {canEdit && dirty ? (
            <CorrectionReasonPicker ref={reasonsRef} chosen={reasons.chosen} suggested={reasons.suggested} decided={reasons.decided} onToggle={reasons.toggle} />
          ) : null}
          <SummaryFooter
            length={draft.length}
            maxLength={capabilities.maxLength}
            providerName={providerName}
            dirty={dirty}
            canEdit={canEdit}
            canSave={canSave}
            canApprove={canApprove}
            saving={saving.pending && phase.name === "saving" && phase.request.intent !== "approve"}
            onApprove={saving.approve}
            onSave={() => saving.save()}
            onSaveAndNext={() => saving.save({ thenNext: true })}
          />
          <SaveOutcome
            announcement={session.announcement}
            phase={phase}
            providerName={providerName}
            confirmation={confirmation}
            onRetry={() => phase.name === "failed" && saving.save(phase.request)}
          />
        </section>
      </div>
      {merge ? (
        <ConflictDialog
          request={merge}
          mine={draft}
          providerName={providerName}
          canOverwrite={hasRole(role, "lead")}
          onClose={() => dispatch(merge.purpose === "draft" ? { type: "draft-merge-closed" } : { type: "conflict-dialog", open: false })}
          onResolved={resolveMerge}
          onOverwrite={() => saving.save({ baseContent: merge.theirs, intent: "overwrite" })}
        />
      ) : null}
      {dialog === "changes" ? (
        <ChangesDialog before={base.content} after={changedUnderneath ? changedUnderneath.content : undefined} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === "history" ? (
        <HistoryDialog
          callRef={ref}
          open
          onClose={() => setDialog(null)}
          canEdit={canEdit}
          canExport={hasRole(role, "lead")}
          onRestore={(entry) => {
            setDialog(null);
            saving.save({ content: entry.content, intent: "restore" });
          }}
          onUseAsDraft={(entry) => {
            setDialog(null);
            dispatch({ type: "used-as-draft", text: entry.content });
          }}
        />
      ) : null}
      <TemplateDialog
        templates={phase.name === "choosing-template" ? phase.templates : []}
        open={phase.name === "choosing-template"}
        onCancel={() => dispatch({ type: "template-dismissed" })}
        onChoose={(key) => phase.name === "choosing-template" && saving.save({ ...phase.request, templateKey: key })}
      />
    </main>
  );
}
