import type { QueueItem } from "@/lib/review/list-queue";

const labels: Record<QueueItem["reviewStatus"], string> = {
  unreviewed: "Unreviewed",
  in_review: "In review",
  approved: "Approved",
  corrected: "Corrected",
};

export function ReviewStatusBadge({ status }: { status: QueueItem["reviewStatus"] }) {
  return <span className={`badge status-${status}`}>{labels[status]}</span>;
}
