"use client";

import { useCallback, useRef, useState, useSyncExternalStore } from "react";

export type StoredDraft = { content: string; baseContent: string | null; baseRevision: number; savedAt: string };

// Checked by hand rather than with the schema library: the review page's script budget has no room
// for it, and this is the one shape the browser reads back.
function isStoredDraft(value: unknown): value is StoredDraft {
  if (typeof value !== "object" || value === null) return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.content === "string" &&
    (draft.baseContent === null || typeof draft.baseContent === "string") &&
    Number.isInteger(draft.baseRevision) &&
    (draft.baseRevision as number) >= 0 &&
    typeof draft.savedAt === "string"
  );
}

function read(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const noChanges = () => () => {};

/**
 * Keeps the reviewer's unsaved text in the browser, per summary and template, with the base it was
 * written against, so a reload, a navigation or a crashed tab loses nothing and the restored draft
 * is still checked against what it started from. The draft offered back is the one found when the page
 * opened: what the reviewer keeps typing is not offered to them.
 */
export function useLocalDraft(key: string) {
  // Read once per key, in the browser only: the server render (and hydration) sees no draft.
  const found = useRef<{ key: string; draft: StoredDraft | null } | null>(null);
  const readOnce = useCallback(() => {
    if (found.current?.key !== key) found.current = { key, draft: read(key) };
    return found.current.draft;
  }, [key]);
  const stored = useSyncExternalStore(noChanges, readOnce, () => null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const keep = useCallback(
    (draft: Omit<StoredDraft, "savedAt">) => {
      try {
        window.localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
      } catch {
        // Storage full or disabled: the draft still lives in the editor.
      }
    },
    [key],
  );

  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
    setDismissed(key);
  }, [key]);

  return { offered: dismissed === key ? null : stored, dismissOffer: () => setDismissed(key), keep, clear };
}
