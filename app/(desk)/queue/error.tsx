"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function QueueError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the queue" error={error} reset={reset} />;
}
