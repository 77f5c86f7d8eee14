import { LocalTime } from "@/components/ui/local-time";
import type { SummaryMeta } from "@/lib/review/save/summary-meta";
import type { Capabilities } from "@/lib/providers/types";

export function MetadataBar({ meta, capabilities }: { meta: SummaryMeta | null; capabilities: Capabilities }) {
  if (!meta) {
    return (
      <dl className="metadata-bar" aria-label="Summary version">
        <div>
          <dt>Version</dt>
          <dd>Not edited since generated</dd>
        </div>
      </dl>
    );
  }
  return (
    <dl className="metadata-bar" aria-label="Summary version">
      <div>
        <dt>Revision</dt>
        <dd>{meta.revision}</dd>
      </div>
      {capabilities.versionWitness === "version" ? (
        <div>
          <dt>Provider version</dt>
          <dd>{meta.version != null ? `v${meta.version}` : "unknown"}</dd>
        </div>
      ) : null}
      <div>
        <dt>Updated at</dt>
        <dd>
          <LocalTime iso={meta.updatedAt ?? meta.savedAt} />
        </dd>
      </div>
      <div>
        <dt>Updated by</dt>
        <dd>
          {meta.changedOutside
            ? (meta.providerUpdatedBy ?? "someone outside Redline")
            : (meta.savedBy ?? "unknown")}
          {meta.changedOutside ? (
            <span className="muted"> (outside Redline{meta.revision ? `, after revision ${meta.revision}` : ""})</span>
          ) : meta.providerUpdatedBy ? (
            <span className="muted"> (via {meta.providerUpdatedBy})</span>
          ) : null}
        </dd>
      </div>
      {meta.templateKey ? (
        <div>
          <dt>Template</dt>
          <dd>{meta.templateKey}</dd>
        </div>
      ) : null}
      {meta.outsideWrites ? (
        <div className="warning-text">
          <dt>Outside changes</dt>
          <dd>
            {meta.outsideWrites} change{meta.outsideWrites === 1 ? "" : "s"} made outside Redline before this save
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
