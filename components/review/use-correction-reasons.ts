"use client";

import { useEffect, useMemo, useState } from "react";
import type { CorrectionReason } from "@/lib/review/insights/correction-reasons";

/** Suggestions wait until typing pauses: diffing a long summary on every key would slow typing. */
const settleMs = 400;

/**
 * The reasons a save will carry: the reviewer's own choices, and where they have not decided, what Redline
 * suggests from the change so far and from the flagged facts. Starts over when the base changes (after a save).
 */
export function useCorrectionReasons(base: string, draft: string, flaggedKinds: readonly string[]) {
  const [decisions, setDecisions] = useState<{ base: string; chosen: Map<CorrectionReason, boolean> }>({ base, chosen: new Map() });
  const [suggested, setSuggested] = useState<ReadonlySet<CorrectionReason>>(new Set());
  const flagKey = flaggedKinds.join(",");

  useEffect(() => {
    if (draft === base) {
      const timer = setTimeout(() => setSuggested(new Set()), 0);
      return () => clearTimeout(timer);
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      void import("@/lib/review/insights/suggest-reasons").then(({ suggestReasons }) => {
        if (!cancelled) setSuggested(new Set(suggestReasons(base, draft, flagKey ? flagKey.split(",") : [])));
      });
    }, settleMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [base, draft, flagKey]);

  const own = useMemo(() => (decisions.base === base ? decisions.chosen : new Map<CorrectionReason, boolean>()), [decisions, base]);
  const chosen = useMemo(() => {
    const result = new Set<CorrectionReason>([...suggested].filter((reason) => own.get(reason) !== false));
    for (const [reason, on] of own) if (on) result.add(reason);
    return result as ReadonlySet<CorrectionReason>;
  }, [suggested, own]);

  const toggle = (reason: CorrectionReason, on: boolean) =>
    setDecisions((current) => ({ base, chosen: new Map(current.base === base ? current.chosen : []).set(reason, on) }));

  return { chosen, suggested, decided: new Set(own.keys()) as ReadonlySet<CorrectionReason>, toggle };
}
