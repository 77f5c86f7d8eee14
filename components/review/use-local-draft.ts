"use client";

import { useCallback, useEffect, useState } from "react";
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

/**
 * Keeps the reviewer's unsaved text in the browser, per call and template, with the base it was
 * written against, so a reload, a navigation or a crashed tab loses nothing and the restored draft
 * is still checked against what it started from.
 */
export function useLocalDraft(key: string) {
  const [offered, setOffered] = useState<StoredDraft | null>(null);

  useEffect(() => {
    // Read after mount: the server render has no localStorage.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOffered(read(key));
  }, [key]);

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
    setOffered(null);
  }, [key]);

  return { offered, dismissOffer: () => setOffered(null), keep, clear };
}
