"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useState, type Dispatch } from "react";
import type { ActionFailure } from "@/lib/auth/action-failure";
import type { CallRef } from "@/lib/providers/types";
import type { SummaryCheck } from "@/lib/review/save/check-summary";
import type { SaveSummaryInput, SaveSummaryResult } from "@/lib/review/save/save-summary";
import type { CorrectionReason } from "@/lib/review/insights/correction-reasons";
import type { SecondLookDecision } from "@/lib/review/second-look/decide-second-look";
import { reviewQueries } from "./review-queries";
import type { ReviewEvent, ReviewSession, SaveRequest } from "./review-session";
import type { WorkspaceActions } from "./workspace-actions";

type Options = {
  ref: CallRef;
  /** What a save writes; null when the call has nothing to edit. */
  targetId: string | null;
  actions: WorkspaceActions;
  session: ReviewSession;
  dispatch: Dispatch<ReviewEvent>;
  providerName: string;
  canEdit: boolean;
  maxLength: number;
  /** The reviewer's text reached Redline's journal and the provider: the copy kept in the browser can go. */
  onSaved: () => void;
  /** Why the reviewer corrected it: sent with a save, never with an approval. */
  reasons: readonly CorrectionReason[];
  /** The evidence checks still open in the text; undefined where it could not be checked. */
  unresolvedFlags?: SaveSummaryInput["unresolvedFlags"];
  /** The second look a lead came to decide: sent with every save until one records it. */
  secondLookId: number | null;
};

const unreachable = "Redline could not be reached. Your text is kept; check your connection and save again.";

/**
 * Sends saves and approvals (one at a time), moves the session through their outcomes, and opens the next
 * call when asked. Approving is a save of the text as the reviewer saw it: refused if it changed meanwhile.
 */
export function useReviewSave({ ref, targetId, actions, session, dispatch, providerName, canEdit, maxLength, onSaved, reasons, unresolvedFlags, secondLookId }: Options) {
  const [secondLook, setSecondLook] = useState<SecondLookDecision | null>(null);
  const deciding = secondLookId !== null && !secondLook?.ok ? secondLookId : undefined;
  const queryClient = useQueryClient();
  const router = useRouter();
  const summaryKey = reviewQueries.summary(ref).queryKey;
  const historyKey = reviewQueries.history(ref).queryKey;

  const goToNext = useCallback(async () => {
    dispatch({ type: "announced", text: "Opening the next call…" });
    const next = await actions.next({ leaving: { provider: ref.provider, callId: ref.callId } }).catch(() => null);
    if (next?.ok) {
      router.push(next.href);
      return;
    }
    const request: SaveRequest = { content: "", baseContent: null, intent: "edit", templateKey: null };
    dispatch({ type: "failed", request, error: next ? next.error : { code: "internal", message: "Redline could not be reached. Check your connection and try again." } });
  }, [actions, dispatch, router, ref.provider, ref.callId]);

  const mutation = useMutation({
    mutationFn: (request: SaveRequest) =>
      actions.save({
        provider: ref.provider,
        callId: ref.callId,
        targetId: targetId ?? "",
        templateKey: request.templateKey,
        baseContent: request.baseContent,
        baseRevision: session.base.revision,
        content: request.content,
        intent: request.intent,
        reasons: request.intent === "approve" ? undefined : [...reasons],
        unresolvedFlags,
        secondLookId: deciding,
      }),
    onMutate: (request) => dispatch({ type: "save-started", request }),
    onSuccess: (result: SaveSummaryResult | ActionFailure, request) => {
      dispatch({ type: "save-finished", request, result, providerName });
      void queryClient.invalidateQueries({ queryKey: historyKey });
      if (result.ok && result.secondLook) setSecondLook(result.secondLook);
      if (!result.ok) {
        // A change made meanwhile shows in the banner above the editor, with its diff.
        if (result.error.code === "conflict") void queryClient.invalidateQueries({ queryKey: summaryKey });
        return;
      }
      if (result.outcome !== "approved") {
        onSaved();
        queryClient.setQueryData<SummaryCheck>(summaryKey, (old) => (old ? { ...old, content: result.content } : undefined));
      }
      if (request.thenNext || result.outcome === "approved") void goToNext();
    },
    onError: (_error, request) =>
      dispatch({
        type: "failed",
        request,
        error: {
          code: "internal",
          message: request.intent === "approve" ? "Redline could not be reached. Nothing was approved; check your connection and try again." : unreachable,
        },
      }),
  });

  const { draft, base, templateKey } = session;
  const pending = mutation.isPending;
  /** Saves the draft, or what `overrides` says (a merge, a restore, an overwrite, a template chosen). */
  const save = useCallback(
    (overrides: Partial<SaveRequest> = {}) => {
      if (!canEdit || pending) return;
      const request: SaveRequest = { content: draft, baseContent: base.content, intent: "edit", templateKey, ...overrides };
      if (request.content === request.baseContent || request.content.length > maxLength) return;
      mutation.mutate(request);
    },
    [canEdit, pending, draft, base.content, templateKey, maxLength, mutation],
  );
  const approve = useCallback(() => {
    if (!canEdit || pending || base.content == null) return;
    mutation.mutate({ content: base.content, baseContent: base.content, intent: "approve", templateKey });
  }, [canEdit, pending, base.content, templateKey, mutation]);

  return { save, approve, goToNext, pending, secondLook };
}
