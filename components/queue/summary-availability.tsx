import type { QueueItem } from "@/lib/review/queue/list-queue";

const summaryLabels: Record<QueueItem["summaryStatus"], string> = {
  ready: "Ready",
  in_progress: "Being written",
  unchecked: "Not checked yet",
  absent: "None yet",
  failed: "Provider failed to write one",
  not_in_plan: "Not in the provider's plan",
  not_provided_by_this_api: "Not in this provider's API",
};

const transcriptNotes: Partial<Record<NonNullable<QueueItem["transcriptStatus"]>, string>> = {
  in_progress: "transcript being written",
  absent: "no transcript",
  failed: "transcript failed",
  not_in_plan: "transcript not in plan",
};

/** Whether there is a summary to review and, where it is missing and known, what of the transcript. */
export function SummaryAvailability({ summary, transcript }: { summary: QueueItem["summaryStatus"]; transcript: QueueItem["transcriptStatus"] }) {
  const note = transcript ? transcriptNotes[transcript] : undefined;
  return (
    <span className={summary === "ready" ? undefined : "muted"}>
      {summaryLabels[summary]}
      {note ? ` · ${note}` : null}
    </span>
  );
}
