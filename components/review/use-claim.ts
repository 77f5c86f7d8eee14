"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { CallRef } from "@/lib/providers/types";
import { releaseClaim, reviewQueries } from "./review-queries";

/** Claims the call while it is open (others see who is on it) and frees it on leaving. Answers someone else's live claim. */
export function useClaim(ref: CallRef, enabled: boolean) {
  const claim = useQuery({ ...reviewQueries.claim(ref), enabled });
  const { provider, callId } = ref;
  useEffect(() => {
    if (!enabled) return;
    return () => releaseClaim({ provider, callId });
  }, [enabled, provider, callId]);
  return claim.data && !claim.data.mine ? claim.data : null;
}
