"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type Dispatch } from "react";
import type { CallRef } from "@/lib/providers/types";
import { reviewQueries } from "./review-queries";
import type { ReviewEvent, SavePhase } from "./review-session";

// Twilio and the like apply an accepted write later; past this, the reviewer is warned and may check again.
export const confirmLimitMs = 30_000;

/**
 * Confirms a write the provider accepted by re-reading every second until it shows, and tells the session
 * once it does. Past `confirmLimitMs` it stops and says so; "check again" starts another round.
 */
export function useAcceptedConfirmation(ref: CallRef, phase: SavePhase, dispatch: Dispatch<ReviewEvent>, providerName: string) {
  const queryClient = useQueryClient();
  const awaiting = phase.name === "awaiting" ? phase : null;
  const round = awaiting ? `${awaiting.journalId}:${awaiting.attempt}` : null;
  const [overdueRound, setOverdueRound] = useState<string | null>(null);
  useEffect(() => {
    if (!round) return;
    const timer = setTimeout(() => setOverdueRound(round), confirmLimitMs);
    return () => clearTimeout(timer);
  }, [round]);
  const overdue = round !== null && overdueRound === round;

  const confirmation = useQuery({
    ...reviewQueries.confirmation(ref, awaiting?.journalId ?? 0, awaiting?.attempt ?? 0),
    enabled: awaiting !== null,
    refetchInterval: (query) => (query.state.data?.state !== "waiting" && query.state.data ? false : overdue ? false : 1_000),
  });
  const { provider, callId } = ref;
  const data = confirmation.data;
  useEffect(() => {
    if (data?.state !== "applied") return;
    dispatch({ type: "confirmed", meta: data.meta, providerName });
    void queryClient.invalidateQueries({ queryKey: reviewQueries.summary({ provider, callId }).queryKey });
  }, [data, dispatch, providerName, queryClient, provider, callId]);

  const state = awaiting ? (data?.state ?? null) : null;
  return {
    superseded: state === "superseded",
    overdue: state === "waiting" && overdue,
    error: awaiting && confirmation.error ? confirmation.error.message : null,
    checkAgain: () => dispatch({ type: "confirm-again" }),
  };
}
