"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionFailure } from "@/lib/auth/action-failure";
import type { ShareChange } from "@/lib/review/second-look/second-look-share";

const unreachable = { ok: false, error: { code: "internal", message: "Redline could not be reached. Check your connection and try again." } } as const;

/** The share of each reviewer's decisions a lead looks at again, as a percentage. */
export function SecondLookShareForm({ share, setShare }: { share: number; setShare: (input: { percent: number }) => Promise<ShareChange | ActionFailure> }) {
  const router = useRouter();
  const [percent, setPercent] = useState(String(Math.round(share * 10_000) / 100));
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ShareChange | ActionFailure | typeof unreachable | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const outcome = await setShare({ percent: Number(percent) }).catch(() => unreachable);
    setPending(false);
    setResult(outcome);
    if (outcome.ok) router.refresh();
  };
  return (
    <form onSubmit={submit} aria-label="Second look share">
      <label>
        Share of each reviewer&apos;s decisions to look at again (%)
        <input type="number" name="percent" min={0} max={100} step="any" required value={percent} onChange={(event) => setPercent(event.target.value)} />
      </label>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Saving…" : "Save share"}
      </button>
      <p role="status" aria-live="polite">
        {result?.ok ? `Saved: ${Math.round(result.share * 10_000) / 100}% of each reviewer's decisions from now on.` : null}
      </p>
      {result && !result.ok ? <p role="alert">{result.error.message}</p> : null}
    </form>
  );
}
