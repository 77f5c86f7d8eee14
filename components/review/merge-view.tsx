"use client";

import { useMemo, useState } from "react";
import { threeWayMerge } from "@/lib/review/text/three-way-merge";
import { CleanMerge } from "./merge-clean";
import { ConflictResolver } from "./conflict-resolver";
import { MergeActions } from "./merge-actions";

type MergeViewProps = {
  base: string;
  mine: string;
  theirs: string;
  theirLabel?: string;
  onResolved: (text: string) => void;
  onCancel: () => void;
  canOverwrite?: boolean;
  onOverwrite?: () => void;
  /** The confirm button's words: the merge may be saved at once, or only put in the reviewer's draft. */
  resolveLabel?: string;
};

/**
 * Merges the reviewer's text with someone else's change to the same summary. A clean merge is
 * shown for confirmation; overlapping changes are resolved per conflict, keeping both (mine
 * first) until the reviewer chooses, so saving at once never drops the reviewer's words.
 * Controlled by its inputs: when base, mine or theirs change, the choices start over.
 */
export function MergeView({
  base,
  mine,
  theirs,
  theirLabel = "their version",
  onResolved,
  onCancel,
  canOverwrite = false,
  onOverwrite,
  resolveLabel = "Save merged text",
}: MergeViewProps) {
  const merge = useMemo(() => threeWayMerge(base, mine, theirs), [base, mine, theirs]);
  const [status, setStatus] = useState("");

  const copyMine = () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (!clipboard) {
      setStatus("Copying is not available in this browser. Your text is still in the editor.");
      return;
    }
    clipboard.writeText(mine).then(
      () => setStatus("Your text is copied to the clipboard."),
      () => setStatus("Your text could not be copied. It is still in the editor."),
    );
  };

  const actions = (save: () => void) => (
    <MergeActions
      onSave={save}
      saveLabel={resolveLabel}
      onCopy={copyMine}
      onCancel={onCancel}
      theirLabel={theirLabel}
      onOverwrite={canOverwrite ? onOverwrite : undefined}
    />
  );

  return (
    <div className="merge-view">
      {merge.clean ? (
        <CleanMerge text={merge.text} theirs={theirs} theirLabel={theirLabel}>
          {actions(() => onResolved(merge.text))}
        </CleanMerge>
      ) : (
        <ConflictResolver
          merge={merge}
          theirLabel={theirLabel}
          announce={setStatus}
          onResolved={onResolved}
          renderActions={actions}
        />
      )}
      <p role="status" className="merge-status">
        {status}
      </p>
    </div>
  );
}
