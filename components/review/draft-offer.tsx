import { LocalTime } from "@/components/ui/local-time";
import type { StoredDraft } from "./use-local-draft";

export function DraftOffer({ draft, onRestore, onDiscard }: { draft: StoredDraft; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div role="region" aria-label="Unsaved draft" className="alert warning">
      <p>
        You have an unsaved draft of this summary from <LocalTime iso={draft.savedAt} /> ({draft.content.length.toLocaleString("en-US")}{" "}
        characters).
      </p>
      <div className="actions start">
        <button type="button" className="button primary" onClick={onRestore}>
          Restore my draft
        </button>
        <button type="button" className="button" onClick={onDiscard}>
          Discard it
        </button>
      </div>
    </div>
  );
}
