"use client";

import { useEffect } from "react";
import type { Base } from "./review-session";
import { useLocalDraft } from "./use-local-draft";

/**
 * The reviewer's unsaved text, kept in this browser shortly after typing stops and at once when the page goes
 * away, so a reload or a closed tab loses nothing. Keyed by the summary target: calls that share one share it.
 */
export function useKeptDraft(key: string, draft: string, base: Base, keeping: boolean) {
  const localDraft = useLocalDraft(key);
  const { keep } = localDraft;
  useEffect(() => {
    if (!keeping) return;
    const keepDraft = () => keep({ content: draft, baseContent: base.content, baseRevision: base.revision });
    const timer = setTimeout(keepDraft, 300);
    window.addEventListener("pagehide", keepDraft);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", keepDraft);
    };
  }, [keeping, draft, base, keep]);
  return localDraft;
}
