import Link from "next/link";
import { formatDuration } from "@/components/ui/format-duration";
import { LocalTime } from "@/components/ui/local-time";
import type { QueueItem } from "@/lib/review/list-queue";
import type { Page } from "@/lib/providers/types";
import { ReviewStatusBadge } from "./review-status-badge";

export function QueueTable({ page }: { page: Page<QueueItem> }) {
  const totalPages = Math.max(1, Math.ceil(page.totalCount / page.size));
  return (
    <>
      <table className="queue-table">
        <caption>
          Calls, newest first · page {page.page} of {totalPages} · {page.totalCount.toLocaleString("en-US")} calls
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Agent</th>
            <th scope="col">Customer</th>
            <th scope="col">Duration</th>
            <th scope="col">Direction</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((item) => (
            <tr key={item.ref.callId}>
              <td>
                <LocalTime iso={item.startedAt} />
              </td>
              <td>{item.agent?.name ?? "—"}</td>
              <td>
                <Link href={`/calls/${item.ref.provider}/${encodeURIComponent(item.ref.callId)}`}>
                  {item.counterpart.name ?? item.counterpart.number ?? "Unknown caller"}
                </Link>
                {item.counterpart.name && item.counterpart.number ? (
                  <span className="muted"> {item.counterpart.number}</span>
                ) : null}
              </td>
              <td>{formatDuration(item.durationSec)}</td>
              <td>{item.direction === "inbound" ? "Inbound" : "Outbound"}</td>
              <td>
                <ReviewStatusBadge status={item.reviewStatus} />
                {item.hasSummary ? null : <span className="muted"> · no summary yet</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="pager">
        {page.page > 1 ? <Link href={`/queue?page=${page.page - 1}`}>Newer calls</Link> : <span />}
        {page.hasMore ? <Link href={`/queue?page=${page.page + 1}`}>Older calls</Link> : null}
      </nav>
    </>
  );
}
