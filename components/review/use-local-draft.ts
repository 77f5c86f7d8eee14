"use client";

import { useCallback, useEffect, useState } from "react";
import { z } from "zod";

const storedDraftSchema = z.object({
  content: z.string(),
  baseContent: z.string().nullable(),
  baseRevision: z.number().int().min(0),
  savedAt: z.string(),
});

export type StoredDraft = z.infer<typeof storedDraftSchema>;

function read(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const parsed = storedDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
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
