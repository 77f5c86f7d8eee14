import { ModalDialog } from "@/components/ui/modal-dialog";

/** The workspace's keys, listed by `?`. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <dl className="shortcuts">
        <dt>Ctrl/⌘+S</dt>
        <dd>Save</dd>
        <dt>Ctrl/⌘+Enter</dt>
        <dd>Save and open the next call</dd>
        <dt>Ctrl/⌘+Shift+A</dt>
        <dd>Approve the summary unchanged and open the next call</dd>
        <dt>Alt+↓</dt>
        <dd>Next unreviewed call (your draft stays in this browser)</dd>
        <dt>Alt+↑</dt>
        <dd>Back to the previous page</dd>
        <dt>?</dt>
        <dd>This list (outside the editor)</dd>
      </dl>
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
