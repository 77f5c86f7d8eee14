"use client";

import { SegmentError } from "@/components/ui/segment-error";

export default function SettingsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the settings" error={error} reset={reset} />;
}
