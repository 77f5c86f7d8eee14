"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionFailure } from "@/lib/auth/action-failure";
import type { SecondLookDecision } from "@/lib/review/second-look/decide-second-look";
import type { OpenSecondLook } from "@/lib/review/second-look/second-look-queue";
import { TextDiff } from "@/components/review/text-diff";
import { LocalTime } from "@/components/ui/local-time";

type Agree = (input: { id: number }) => Promise<SecondLookDecision | ActionFailure>;

const unreachable = { ok: false, error: { code: "internal", message: "Redline could not be reached. Check your connection and try again." } } as const;

/** Open second looks, each with the reviewer's decision, its diff from the AI's text, Agree and Correct it. */
export function SecondLookList({ items, agree, providerLabel }: { items: OpenSecondLook[]; agree: Agree; providerLabel: Record<string, string> }) {
  const router = useRouter();
  const [pending, setPending] = useState<number | null>(null);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const onAgree = async (item: OpenSecondLook) => {
    setPending(item.id);
    setFailure(null);
    const result = await agree({ id: item.id }).catch(() => unreachable);
    setPending(null);
    if (result.ok) {
      setStatus(`Agreed with ${item.reviewerName}'s decision on call ${item.callId}.`);
      router.refresh();
    } else {
      setFailure(result.error.message);
      // Someone else decided it: the list drops it.
      if (result.error.code === "already_decided") router.refresh();
    }
  };
  return (
    <>
      <p role="status" aria-live="polite">
        {status}
      </p>
      {failure ? <p role="alert">{failure}</p> : null}
      <ol className="second-looks">
        {items.map((item) => {
          const approved = item.kind === "approve";
          const headingId = `second-look-${item.id}`;
          return (
            <li key={item.id}>
              <article aria-labelledby={headingId}>
                <h3 id={headingId}>
                  {item.reviewerName} {approved ? "approved" : "corrected"} call {item.callId}
                </h3>
                <p className="muted">
                  {providerLabel[item.provider] ?? item.provider}
                  {item.agentName ? ` · agent ${item.agentName}` : ""}
                  {item.counterpartName ? ` · with ${item.counterpartName}` : ""} · <LocalTime iso={new Date(item.decidedAt).toISOString()} />
                </p>
                {item.aiText === null ? (
                  <p className="muted">Redline never saw the AI&apos;s text of this summary; the reviewer&apos;s text is below.</p>
                ) : null}
                <TextDiff before={item.aiText ?? ""} after={item.text} beforeLabel="the AI's text" afterLabel={approved ? "the approved text" : "the reviewer's text"} />
                <div className="actions">
                  <button type="button" className="button" disabled={pending !== null} onClick={() => void onAgree(item)}>
                    {pending === item.id ? "Agreeing…" : "Agree"}
                  </button>
                  <Link className="button ghost" href={`/calls/${item.provider}/${encodeURIComponent(item.callId)}?secondLook=${item.id}`}>
                    Correct it
                  </Link>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
