import { queryOptions } from "@tanstack/react-query";
import type { CallRef } from "@/lib/providers/types";
import type { ClaimView } from "@/lib/review/calls/claim-call";
import type { SummaryCheck } from "@/lib/review/save/check-summary";
import type { ConfirmResult } from "@/lib/review/save/confirm-accepted-save";
import type { HistoryEntry } from "@/lib/review/history/history-entry";

const callPath = ({ provider, callId }: CallRef) => `/api/calls/${provider}/${encodeURIComponent(callId)}`;

/** A route's JSON, or an error carrying its message (a signed-out answer says so). */
async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) {
    throw new Error(response.status === 401 ? "Your session has ended. Sign in again." : (body?.error?.message ?? `Redline answered ${response.status}.`));
  }
  return body as T;
}

/** The review page's reads, with their keys, in one place: every component that reads or invalidates one uses these. */
export const reviewQueries = {
  /** The summary as it stands now: polled while a reviewer edits, to warn before a save would conflict. */
  summary: (ref: CallRef) =>
    queryOptions({
      queryKey: ["summary", ref.provider, ref.callId] as const,
      queryFn: () => fetchJson<SummaryCheck>(`${callPath(ref)}/summary`),
      refetchInterval: 15_000,
      refetchOnWindowFocus: true,
      staleTime: 5_000,
    }),
  history: (ref: CallRef) =>
    queryOptions({
      queryKey: ["history", ref.provider, ref.callId] as const,
      queryFn: async () => (await fetchJson<{ entries: HistoryEntry[] }>(`${callPath(ref)}/history`)).entries,
    }),
  /** The reviewer's claim on the call, taken on open and renewed every minute while it stays open. */
  claim: (ref: CallRef) =>
    queryOptions({
      queryKey: ["claim", ref.provider, ref.callId] as const,
      queryFn: async () => (await fetchJson<{ claim: ClaimView | null }>(`${callPath(ref)}/claim`, { method: "POST" })).claim,
      refetchInterval: 60_000,
      refetchOnWindowFocus: true,
    }),
  /** Whether a write the provider accepted shows yet. */
  confirmation: (ref: CallRef, journalId: number, attempt: number) =>
    queryOptions({
      queryKey: ["confirmation", ref.provider, ref.callId, journalId, attempt] as const,
      queryFn: () => fetchJson<Extract<ConfirmResult, { ok: true }>>(`${callPath(ref)}/saves/${journalId}`),
    }),
};

/** Frees the call when the reviewer leaves it; sent even as the page unloads. */
export function releaseClaim(ref: CallRef): void {
  void fetch(`${callPath(ref)}/claim`, { method: "DELETE", keepalive: true }).catch(() => undefined);
}
