import { LocalTime } from "@/components/ui/local-time";
import type { SummaryCheck } from "@/lib/review/save/check-summary";
import type { SummaryMeta } from "@/lib/review/save/summary-meta";

/** A non-blocking warning that the summary changed while the reviewer edits, before they save. */
export function StaleBanner({
  current,
  meta,
  providerName,
  dirty,
  onViewChanges,
  onMerge,
}: {
  current: SummaryCheck;
  meta: SummaryMeta | null;
  providerName: string;
  /** Whether the reviewer has changed the text: only then is there a draft to speak of. */
  dirty: boolean;
  onViewChanges: () => void;
  onMerge: () => void;
}) {
  const who = current.changedBy
    ? `Updated by ${current.changedBy.name}${current.changedBy.via === "redline" ? " in Redline" : ` in ${providerName}`}`
    : `Changed in ${providerName} by someone outside Redline`;
  const versions =
    current.version != null ? ` · ${meta?.version != null ? `v${meta.version} → ` : ""}v${current.version}` : "";
  return (
    <div role="status" className="alert warning stale-banner">
      <p>
        <strong>{who}</strong>
        {versions}
        {current.changedAt ? (
          <>
            {" "}
            · <LocalTime iso={current.changedAt} />
          </>
        ) : null}
        . {dirty ? "Your draft is based on the earlier text." : "This page still shows the earlier text."}
      </p>
      <div className="actions start">
        <button type="button" className="button" onClick={onViewChanges}>
          View changes
        </button>
        <button type="button" className="button" onClick={onMerge}>
          {dirty ? "Merge into my draft" : "Show the new text"}
        </button>
      </div>
    </div>
  );
}
