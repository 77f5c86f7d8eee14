"use client";

import { useEffect, useRef } from "react";

export type ReviewShortcuts = {
  save: () => void;
  saveAndNext: () => void;
  approve: () => void;
  next: () => void;
  previous: () => void;
  /** Alt+R: to the reasons for the correction, while there are changes. */
  reasons?: () => void;
  /** Alt+F: to the facts the call does not support. */
  flags?: () => void;
  /** Alt+J: the next turn the caret's sentence comes from. */
  linkedTurn?: () => void;
};

/**
 * The workspace's keys. They use modifiers so they keep working while the editor has focus, where reviewers
 * are (`?` is the desk's, see KeyboardHelp). The handlers are read at key time, so they always see the current state.
 */
export function useReviewShortcuts(shortcuts: ReviewShortcuts): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const run = current.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handler: (() => void) | null = null;
      if (mod && !event.altKey && !event.shiftKey && key === "s") handler = run.save;
      else if (mod && !event.altKey && key === "enter") handler = run.saveAndNext;
      else if (mod && event.shiftKey && key === "a") handler = run.approve;
      else if (event.altKey && !mod && event.key === "ArrowDown") handler = run.next;
      else if (event.altKey && !mod && event.key === "ArrowUp") handler = run.previous;
      else if (event.altKey && !mod && event.code === "KeyR") handler = run.reasons ?? null;
      else if (event.altKey && !mod && event.code === "KeyF") handler = run.flags ?? null;
      else if (event.altKey && !mod && event.code === "KeyJ") handler = run.linkedTurn ?? null;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}
