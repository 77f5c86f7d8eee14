import Link from "next/link";
import { formatDuration } from "@/components/ui/format-duration";
import { LocalTime } from "@/components/ui/local-time";
import { providerNames } from "@/lib/providers/provider-names";
import { OpeningHint } from "./opening-hint";
import type { QueuePage, QueueQuery } from "@/lib/review/queue/list-queue";
import { queueHref } from "./queue-href";
import { ReviewStatusBadge } from "./review-status-badge";
import { SummaryAvailability } from "./summary-availability";

export function QueueTable({ page, query, showProvider }: { page: QueuePage; query: QueueQuery; showProvider: boolean }) {
  return (
    <>
      <table className="queue-table">
        <caption>Calls, {query.order === "newest" ? "newest" : "oldest"} first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {showProvider ? <th scope="col">Provider</th> : null}
            <th scope="col">Agent</th>
            <th scope="col">Customer</th>
            <th scope="col">Duration</th>
            <th scope="col">Direction</th>
            <th scope="col">Summary</th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {page.items.length === 0 ? (
            <tr>
              <td colSpan={showProvider ? 8 : 7} className="muted">
                No calls match these filters.
              </td>
            </tr>
          ) : null}
          {page.items.map((item) => (
            <tr key={`${item.provider}:${item.callId}`}>
              <td>
                <LocalTime iso={item.startedAt} />
              </td>
              {showProvider ? <td>{providerNames[item.provider]}</td> : null}
              <td>{item.agentName ?? "—"}</td>
              <td>
                <Link href={`/calls/${item.provider}/${encodeURIComponent(item.callId)}`}>
                  {item.counterpartName ?? item.counterpartNumber ?? "Unknown caller"}
                  <OpeningHint />
                </Link>
                {item.counterpartName && item.counterpartNumber ? <span className="muted"> {item.counterpartNumber}</span> : null}
              </td>
              <td>{formatDuration(item.durationSec)}</td>
              <td>{item.direction === "inbound" ? "Inbound" : "Outbound"}</td>
              <td>
                <SummaryAvailability summary={item.summaryStatus} transcript={item.transcriptStatus} />
              </td>
              <td>
                <ReviewStatusBadge status={item.reviewStatus} />
                {item.claimedBy ? (
                  <span className="muted">
                    {" "}
                    · {item.claimedBy.name} is reviewing since <LocalTime iso={item.claimedBy.since} style="time" />
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="pager">
        {query.cursor ? <Link href={queueHref({ ...query, cursor: undefined })}>Back to the start</Link> : <span />}
        {page.nextCursor ? (
          <Link href={queueHref({ ...query, cursor: page.nextCursor })}>{query.order === "newest" ? "Older calls" : "Newer calls"}</Link>
        ) : null}
      </nav>
    </>
  );
}
