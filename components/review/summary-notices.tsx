import { LocalTime } from "@/components/ui/local-time";
import type { ClaimView } from "@/lib/review/calls/claim-call";
import type { SummaryCheck } from "@/lib/review/save/check-summary";
import type { CallForReview } from "@/lib/review/calls/load-call-for-review";
import type { SummaryMeta } from "@/lib/review/save/summary-meta";
import { DraftOffer } from "./draft-offer";
import { StaleBanner } from "./stale-banner";
import type { StoredDraft } from "./use-local-draft";

/** What the reviewer should know before editing: whose summary this is, who else is on it, a kept draft, a change made meanwhile. */
export function SummaryNotices({
  review,
  providerName,
  canReview,
  canEdit,
  otherHolder,
  offeredDraft,
  changedUnderneath,
  meta,
  unresolvedConflict,
  dirty,
  on,
}: {
  review: CallForReview;
  providerName: string;
  canReview: boolean;
  canEdit: boolean;
  otherHolder: ClaimView | null;
  offeredDraft: StoredDraft | null;
  changedUnderneath: SummaryCheck | null;
  meta: SummaryMeta | null;
  unresolvedConflict: boolean;
  dirty: boolean;
  on: {
    restoreDraft: () => void;
    discardDraft: () => void;
    viewChanges: () => void;
    mergeChanges: () => void;
    resolveConflict: () => void;
  };
}) {
  return (
    <>
      {!canReview ? <p className="muted">You can read this summary; saving needs the Reviewer role.</p> : null}
      {review.shared ? (
        <p role="note" className="alert">
          This summary is {review.shared.label}
          {review.shared.calls > 1 ? `, shared by ${review.shared.calls} calls in the queue` : ", which other calls of theirs share"}: a save
          here changes it for every one of them.
        </p>
      ) : null}
      {otherHolder ? (
        <p role="status" className="alert warning">
          {otherHolder.holder} is reviewing this call (since <LocalTime iso={otherHolder.since} style="time" />). You can still edit; a save
          that meets theirs is caught as a conflict.
        </p>
      ) : null}
      {canEdit && offeredDraft ? <DraftOffer draft={offeredDraft} onRestore={on.restoreDraft} onDiscard={on.discardDraft} /> : null}
      {changedUnderneath && canEdit ? (
        <StaleBanner
          current={changedUnderneath}
          meta={meta}
          providerName={providerName}
          dirty={dirty}
          onViewChanges={on.viewChanges}
          onMerge={on.mergeChanges}
        />
      ) : null}
      {unresolvedConflict ? (
        <div role="note" className="alert warning">
          <p>
            Not saved: this summary changed while you were editing. Your text is still in the editor.{" "}
            <button type="button" className="link-button" onClick={on.resolveConflict}>
              Resolve the conflict
            </button>
          </p>
        </div>
      ) : null}
    </>
  );
}
