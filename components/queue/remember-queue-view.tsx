"use client";

import { useEffect } from "react";

/** Where Alt+↑/↓ on a call page read the queue the reviewer last looked at: its filters and sort. */
export const queueViewKey = "redline:queue-view";

/** Remembers this queue view for the calls opened from it (in this tab only). */
export function RememberQueueView({ query }: { query: string }) {
  useEffect(() => {
    try {
      window.sessionStorage.setItem(queueViewKey, query);
    } catch {
      // Storage disabled: Alt+↑/↓ then walk the whole queue, newest first.
    }
  }, [query]);
  return null;
}
