"use client";

import { useEffect, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";

/** `?` anywhere outside a text field lists the keys; the call page's keys use modifiers, so they work in the editor too. */
export function KeyboardHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLElement && event.target.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <ModalDialog title="Keyboard shortcuts" open={open} onClose={() => setOpen(false)}>
      <dl className="shortcuts">
        <dt>Ctrl/⌘+S</dt>
        <dd>Save</dd>
        <dt>Ctrl/⌘+Enter</dt>
        <dd>Save and open the next unreviewed call</dd>
        <dt>Ctrl/⌘+Shift+A</dt>
        <dd>Approve the summary unchanged and open the next unreviewed call</dd>
        <dt>Alt+F</dt>
        <dd>To the facts the call does not support (↑ and ↓ walk them; Enter shows one)</dd>
        <dt>Alt+J</dt>
        <dd>Show the next transcript turn the sentence at the cursor comes from</dd>
        <dt>Alt+R</dt>
        <dd>To the reasons for your correction (Space ticks one)</dd>
        <dt>Alt+↓</dt>
        <dd>Next call in the queue as you last filtered and sorted it (your draft stays in this browser)</dd>
        <dt>Alt+↑</dt>
        <dd>Previous call in that queue</dd>
        <dt>?</dt>
        <dd>This list (outside text fields)</dd>
      </dl>
      <div className="actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
