"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { SummaryTemplate } from "@/lib/providers/types";

export function TemplateDialog({
  templates,
  open,
  onCancel,
  onChoose,
}: {
  templates: SummaryTemplate[];
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
          {templates.map((template) => (
            <label key={template.key} className="radio">
              <input
                type="radio"
                name="template"
                value={template.key}
                checked={choice === template.key}
                onChange={() => setChoice(template.key)}
              />
              {template.label}
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
