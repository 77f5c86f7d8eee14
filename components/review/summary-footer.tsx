/** Under the editor: how long the text is against the provider's limit, whether it is saved, and the save buttons. */
export function SummaryFooter({
  length,
  maxLength,
  providerName,
  dirty,
  canEdit,
  canSave,
  canApprove,
  saving,
  onApprove,
  onSave,
  onSaveAndNext,
}: {
  length: number;
  maxLength: number;
  providerName: string;
  dirty: boolean;
  canEdit: boolean;
  canSave: boolean;
  canApprove: boolean;
  saving: boolean;
  onApprove: () => void;
  onSave: () => void;
  onSaveAndNext: () => void;
}) {
  const tooLong = length > maxLength;
  const count = (value: number) => value.toLocaleString("en-US");
  return (
    <div className="editor-footer">
      <span className={tooLong ? "warning-text" : "muted"} aria-live="polite">
        {count(length)} / {count(maxLength)} characters
        {tooLong ? ` — ${providerName} accepts at most ${count(maxLength)}; shorten it by ${count(length - maxLength)} to save` : ""}
      </span>
      <span className="muted">{dirty ? "Unsaved changes (kept in this browser)" : "No unsaved changes"}</span>
      {canEdit ? (
        <>
          <button type="button" className="button" disabled={!canApprove} onClick={onApprove} title="Ctrl+Shift+A">
            Approve unchanged
          </button>
          <button type="button" className="button" disabled={!canSave} onClick={onSaveAndNext} title="Ctrl+Enter">
            Save &amp; next
          </button>
          <button type="button" className="button primary" disabled={!canSave} onClick={onSave} title="Ctrl+S">
            {saving ? "Saving…" : "Save"}
          </button>
        </>
      ) : null}
    </div>
  );
}
