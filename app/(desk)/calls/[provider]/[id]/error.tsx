"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function CallError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="this call" error={error} reset={reset} />;
}
