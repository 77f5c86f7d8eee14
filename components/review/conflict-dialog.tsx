"use client";

import { LocalTime } from "@/components/ui/local-time";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { Authorship } from "@/lib/review/save/who-wrote";
import { MergeView } from "./merge-view";

export type MergeRequest = Authorship & {
  base: string;
  theirs: string;
  /** "save": the reviewer tried to save and was stopped; "draft": they asked to fold a change into their draft. */
  purpose: "save" | "draft";
};

function ChangedBy({ request, providerName }: { request: MergeRequest; providerName: string }) {
  const who = request.changedBy
    ? request.changedBy.via === "redline"
      ? `${request.changedBy.name} saved a new version in Redline`
      : `${request.changedBy.name} changed it in ${providerName}`
    : `It was changed outside Redline; ${providerName} does not say by whom`;
  return (
    <p>
      {who}
      {request.changedAt ? (
        <>
          {" "}
          at <LocalTime iso={request.changedAt} />
        </>
      ) : null}
      {request.version != null ? ` (v${request.version})` : ""}.
    </p>
  );
}

/** One message per conflict: what happened, that the reviewer's text is safe, and the choices. */
export function ConflictDialog({
  request,
  mine,
  providerName,
  canOverwrite,
  onClose,
  onResolved,
  onOverwrite,
}: {
  request: MergeRequest | null;
  mine: string;
  providerName: string;
  canOverwrite: boolean;
  onClose: () => void;
  onResolved: (text: string) => void;
  onOverwrite: () => void;
}) {
  const title = request?.purpose === "draft" ? "Merge their changes into your draft" : "This summary changed while you were editing";
  const theirLabel = request?.changedBy ? `${request.changedBy.name}'s version` : `${providerName}'s current version`;
  return (
    <ModalDialog title={title} open={request !== null} onClose={onClose} wide>
      {request ? (
        <>
          <ChangedBy request={request} providerName={providerName} />
          {request.purpose === "save" ? <p>Nothing was saved.</p> : null}
          <MergeView
            base={request.base}
            mine={mine}
            theirs={request.theirs}
            theirLabel={theirLabel}
            onResolved={onResolved}
            onCancel={onClose}
            canOverwrite={canOverwrite && request.purpose === "save"}
            onOverwrite={onOverwrite}
            resolveLabel={request.purpose === "draft" ? "Put merged text in my draft" : "Save merged text"}
          />
        </>
      ) : null}
    </ModalDialog>
  );
}
