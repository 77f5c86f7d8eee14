"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";

const templateLabels: Record<string, string> = {
  MARKDOWN_CLASSIC: "Classic — full structured summary",
  MARKDOWN_SHORT_CALL: "Short call — one paragraph",
};

export function TemplateDialog({
  templates,
  open,
  onCancel,
  onChoose,
}: {
  templates: string[];
  open: boolean;
  onCancel: () => void;
  onChoose: (templateKey: string) => void;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  return (
    <ModalDialog title="Choose the summary template" open={open} onClose={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (choice) onChoose(choice);
        }}
      >
        <p>This call has more than one summary. Which one does your text replace? Your text is kept either way.</p>
        <fieldset>
          <legend>Template</legend>
          {templates.map((key) => (
            <label key={key} className="radio">
              <input type="radio" name="template" value={key} checked={choice === key} onChange={() => setChoice(key)} />
              {templateLabels[key] ?? key}
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={!choice}>
            Save to this template
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
