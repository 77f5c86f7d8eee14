"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ActionFailure } from "@/lib/auth/action-failure";

/** Opens the newest unreviewed call nobody else is reviewing, claimed for this reviewer in the same step. */
export function StartReviewingButton({ next }: { next: (input?: object) => Promise<{ ok: true; href: string } | ActionFailure> }) {
  const router = useRouter();
  const start = useMutation({
    mutationFn: () => next(),
    onSuccess: (result) => {
      if (result.ok) router.push(result.href);
    },
  });
  const failure = start.data && !start.data.ok ? start.data.error.message : start.error ? "Redline could not be reached. Check your connection and try again." : null;
  return (
    <>
      <button type="button" className="button primary" disabled={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? "Finding a call…" : "Start reviewing"}
      </button>
      {failure ? <p role="alert">{failure}</p> : null}
    </>
  );
}
