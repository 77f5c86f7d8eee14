import Link from "next/link";
import type { QueuePage, QueueQuery } from "@/lib/review/queue/list-queue";
import { queueHref } from "./queue-href";
import { reviewStatusLabels } from "./review-status-badge";

export function StatusTabs({ query, counts, cap }: { query: QueueQuery; counts: QueuePage["counts"]; cap: number | null }) {
  const capped = (count: number) => cap !== null && count >= cap;
  const format = (count: number) => (capped(count) ? `${cap!.toLocaleString("en-US")}+` : count.toLocaleString("en-US"));
  const all = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const anyCapped = Object.values(counts).some(capped);
  const tabs = [
    { status: undefined, label: "All", count: `${all.toLocaleString("en-US")}${anyCapped ? "+" : ""}` },
    ...(Object.keys(reviewStatusLabels) as (keyof typeof reviewStatusLabels)[]).map((status) => ({
      status,
      label: reviewStatusLabels[status],
      count: format(counts[status]),
    })),
  ];
  return (
    <nav aria-label="Review status" className="status-tabs">
      {tabs.map((tab) => (
        <Link
          key={tab.label}
          href={queueHref({ ...query, status: tab.status, cursor: undefined })}
          aria-current={query.status === tab.status ? "page" : undefined}
        >
          {tab.label} <span className="count">{tab.count}</span>
        </Link>
      ))}
    </nav>
  );
}
