"use client";

import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { ConflictDetails } from "@/lib/review/save-summary";

function ChangedBy({ conflict, providerName }: { conflict: ConflictDetails; providerName: string }) {
  const who = conflict.changedBy
    ? conflict.changedBy.via === "redline"
      ? `${conflict.changedBy.name} saved it in Redline`
      : `${conflict.changedBy.name} changed it in ${providerName}`
    : `It was changed outside Redline; ${providerName} does not say by whom`;
  return (
    <p>
      {who}
      {conflict.changedAt ? (
        <>
          {" "}
          at <LocalTime iso={conflict.changedAt} />
        </>
      ) : null}
      {conflict.version != null ? ` (v${conflict.version})` : ""}.
    </p>
  );
}

export function ConflictDialog({
  conflict,
  mine,
  providerName,
  onClose,
  onStartFromTheirs,
}: {
  conflict: ConflictDetails | null;
  mine: string;
  providerName: string;
  onClose: () => void;
  onStartFromTheirs: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <ModalDialog title="This summary changed while you were editing" open={conflict !== null} onClose={onClose} wide>
      {conflict ? (
        <>
          <ChangedBy conflict={conflict} providerName={providerName} />
          <p>
            <strong>Nothing was saved, and your text is safe</strong>: it stays in the editor. Compare the two versions,
            then keep editing your text or start again from theirs.
          </p>
          <div className="compare">
            <label>
              Their version, now in {providerName}
              <textarea readOnly value={conflict.currentContent ?? ""} rows={14} />
            </label>
            <label>
              Your text
              <textarea readOnly value={mine} rows={14} />
            </label>
          </div>
          <p role="status" className="muted">
            {copied ? "Your text is copied to the clipboard." : ""}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                void navigator.clipboard?.writeText(mine).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              Copy my text
            </button>
            <button type="button" className="button" onClick={onStartFromTheirs}>
              Start again from their version
            </button>
            <button type="button" className="button primary" onClick={onClose}>
              Keep my text and close
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
