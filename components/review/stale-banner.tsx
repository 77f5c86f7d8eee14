import { LocalTime } from "@/components/ui/local-time";
import type { SummaryCheck } from "@/lib/review/save/check-summary";
import type { SummaryMeta } from "@/lib/review/save/summary-meta";

/** A non-blocking warning that the summary changed while the reviewer edits, before they save. */
export function StaleBanner({
  current,
  meta,
  providerName,
  onViewChanges,
  onMerge,
}: {
  current: SummaryCheck;
  meta: SummaryMeta | null;
  providerName: string;
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
        . Your draft is based on the earlier text.
      </p>
      <div className="actions start">
        <button type="button" className="button" onClick={onViewChanges}>
          View changes
        </button>
        <button type="button" className="button" onClick={onMerge}>
          Merge into my draft
        </button>
      </div>
    </div>
  );
}
