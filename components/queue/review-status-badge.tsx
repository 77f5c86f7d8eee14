import type { QueueItem } from "@/lib/review/queue/list-queue";

export const reviewStatusLabels: Record<QueueItem["reviewStatus"], string> = {
  unreviewed: "Unreviewed",
  in_review: "In review",
  corrected: "Corrected",
  approved: "Approved",
};

export function ReviewStatusBadge({ status }: { status: QueueItem["reviewStatus"] }) {
  return <span className={`badge status-${status}`}>{reviewStatusLabels[status]}</span>;
}
