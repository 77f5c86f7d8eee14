"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a link to a call: "Opening…" while its page loads. The page shows once the call is read from
 * the provider, which can take seconds, and the queue stays on screen until then.
 */
export function OpeningHint() {
  const { pending } = useLinkStatus();
  return (
    <span className="muted" aria-hidden={!pending}>
      {pending ? " Opening…" : ""}
    </span>
  );
}
