"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function InsightsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the insights" error={error} reset={reset} />;
}
