"use client";

import { useRouter } from "next/navigation";
import type { Dispatch } from "react";
import { queueViewKey } from "@/components/queue/remember-queue-view";
import type { CallRef } from "@/lib/providers/types";
import type { ReviewEvent } from "./review-session";
import type { WorkspaceActions } from "./workspace-actions";

/** Alt+↑/↓: the call before or after this one in the queue the reviewer last looked at, in its filters and sort, across its pages. */
export function useQueueWalk(ref: CallRef, adjacent: WorkspaceActions["adjacent"], dispatch: Dispatch<ReviewEvent>) {
  const router = useRouter();
  return async (direction: "next" | "previous") => {
    let queue = "";
    try {
      queue = window.sessionStorage.getItem(queueViewKey) ?? "";
    } catch {
      // Storage disabled: the whole queue, newest first.
    }
    const result = await adjacent({ provider: ref.provider, callId: ref.callId, queue, direction }).catch(() => null);
    if (result?.ok && result.href) {
      // The next page shows once its call is read from the provider; until then this one says so.
      dispatch({ type: "announced", text: direction === "next" ? "Opening the next call…" : "Opening the previous call…" });
      router.push(result.href);
    } else dispatch({ type: "announced", text: result?.ok ? (result.message ?? "") : "Redline could not be reached. Check your connection and try again." });
  };
}
