import { useId } from "react";

/** Under a merge: save it, copy my text to safety, cancel, and for a lead an explicit overwrite. */
export function MergeActions({
  onSave,
  saveLabel,
  onCopy,
  onCancel,
  theirLabel,
  onOverwrite,
}: {
  onSave: () => void;
  saveLabel: string;
  onCopy: () => void;
  onCancel: () => void;
  theirLabel: string;
  onOverwrite: (() => void) | undefined;
}) {
  const warningId = useId();
  return (
    <>
      <div className="actions">
        <button type="button" className="button primary" onClick={onSave}>
          {saveLabel}
        </button>
        <button type="button" className="button" onClick={onCopy}>
          Copy my text
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {onOverwrite ? (
        <div className="merge-overwrite">
          <p id={warningId} className="warning-text">
            Overwriting replaces {theirLabel} with your text as it is; their changes are lost.
          </p>
          <button type="button" className="button danger" aria-describedby={warningId} onClick={onOverwrite}>
            Overwrite their version with mine
          </button>
        </div>
      ) : null}
    </>
  );
}
