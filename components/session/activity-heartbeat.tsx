"use client";

import { useEffect } from "react";

/** Often enough for any idle timeout of ten minutes or more; a busy reviewer's typing sends one request per period. */
const reportEveryMs = 5 * 60_000;

/**
 * Reports that someone is working in the page (keys, clicks) to the server, so a reviewer writing a long
 * correction is not signed out as idle. Polling the page does on its own never counts.
 */
export function ActivityHeartbeat({ report }: { report: () => Promise<unknown> }) {
  useEffect(() => {
    let lastReport = Date.now();
    const onActivity = () => {
      if (Date.now() - lastReport < reportEveryMs) return;
      lastReport = Date.now();
      void report().catch(() => undefined);
    };
    window.addEventListener("keydown", onActivity, { passive: true });
    window.addEventListener("pointerdown", onActivity, { passive: true });
    return () => {
      window.removeEventListener("keydown", onActivity);
      window.removeEventListener("pointerdown", onActivity);
    };
  }, [report]);
  return null;
}
