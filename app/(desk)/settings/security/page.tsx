import type { Metadata } from "next";
import { RefusedPage } from "@/components/ui/refused-page";
import Link from "next/link";
import { z } from "zod";
import { SettingsNav } from "@/components/accounts/settings-nav";
import { LocalTime } from "@/components/ui/local-time";
import { readSecurityEvents } from "@/lib/auth/accounts/read-security-events";
import { requireRole } from "@/lib/auth/require-role";
import { securityEventLabels, type SecurityEventName } from "@/lib/auth/security-event";
import { getDatabase } from "@/lib/db/database";

export const metadata: Metadata = { title: "Security events" };

const eventNames = Object.keys(securityEventLabels) as [SecurityEventName, ...SecurityEventName[]];

const querySchema = z.object({
  event: z.enum(eventNames).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export default async function SecurityEventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const check = await requireRole("admin");
  if (!check.ok) return <RefusedPage title="Security events" error={check.error} />;
  const query = querySchema.parse(await searchParams);
  const { events, olderFrom } = await readSecurityEvents((await getDatabase()).db, query);
  return (
    <main className="page">
      <h1>Security events</h1>
      <SettingsNav current="security" />
      <form className="queue-filters" method="get">
        <label>
          Kind
          <select name="event" defaultValue={query.event ?? ""}>
            <option value="">All events</option>
            {eventNames.map((name) => (
              <option key={name} value={name}>
                {securityEventLabels[name]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      {events.length === 0 ? (
        <p>No security events{query.event ? " of this kind" : ""} yet. Sign-ins that fail, refusals and every change to an account appear here.</p>
      ) : (
        <table className="queue-table">
          <caption>Sign-ins, refusals and account changes, newest first. Also written to the server log as structured events.</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">By</th>
              <th scope="col">Account</th>
              <th scope="col">Address</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>
                  <LocalTime iso={event.at} />
                </td>
                <th scope="row">{event.label}</th>
                <td>{event.actor ?? "—"}</td>
                <td>{event.subject ?? "—"}</td>
                <td>{event.address ?? "—"}</td>
                <td>{event.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {olderFrom ? (
        <p>
          <Link href={`/settings/security?${new URLSearchParams({ ...(query.event ? { event: query.event } : {}), before: String(olderFrom) })}`}>Older events</Link>
        </p>
      ) : null}
    </main>
  );
}
