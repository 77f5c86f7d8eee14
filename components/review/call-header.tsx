import Link from "next/link";
import { formatDuration } from "@/components/ui/format-duration";
import { LocalTime } from "@/components/ui/local-time";
import type { CallDetail } from "@/lib/providers/types";

export function CallHeader({ call, providerName }: { call: CallDetail; providerName: string }) {
  const counterpart = call.counterpart.name ?? call.counterpart.number ?? "Unknown caller";
  return (
    <header className="call-header">
      <div>
        <Link href="/queue" className="muted">
          ← Queue
        </Link>
        <h1>
          {call.direction === "inbound" ? "Inbound call from" : "Outbound call to"} {counterpart}
        </h1>
        <p className="muted">
          {providerName} · <LocalTime iso={call.startedAt} /> · {formatDuration(call.durationSec)} · agent {call.agent?.name ?? "unknown"} ·{" "}
          <code>{call.ref.callId}</code>
        </p>
      </div>
    </header>
  );
}
