import "server-only";
import type { Db } from "@/lib/db/open-database";
import { listSecurityEvents } from "@/lib/db/queries/security-events";
import { listUsers } from "@/lib/db/queries/users";
import { securityEventLabels, type SecurityEventName } from "../security-event";

export type SecurityEventView = {
  id: number;
  at: string;
  event: string;
  label: string;
  actor: string | null;
  subject: string | null;
  address: string | null;
  detail: string | null;
};

export const securityEventPageSize = 100;

function describeDetail(detail: Record<string, unknown> | null): string | null {
  if (!detail) return null;
  const parts = Object.entries(detail).map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
  return parts.length ? parts.join(", ") : null;
}

/** A page of the audit, newest first, with people named as admins know them. */
export async function readSecurityEvents(
  db: Db,
  filter: { event?: SecurityEventName; before?: number },
): Promise<{ events: SecurityEventView[]; olderFrom: number | null }> {
  const rows = await listSecurityEvents(db, { events: filter.event ? [filter.event] : undefined, before: filter.before, limit: securityEventPageSize + 1 });
  const names = new Map((await listUsers(db)).map((user) => [user.id, `${user.name} (${user.email})`]));
  const page = rows.slice(0, securityEventPageSize);
  return {
    events: page.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      event: row.event,
      label: securityEventLabels[row.event as SecurityEventName] ?? row.event,
      actor: row.actorId ? (names.get(row.actorId) ?? row.actorId) : null,
      subject: row.subjectId ? (names.get(row.subjectId) ?? row.subjectId) : row.email,
      address: row.address,
      detail: describeDetail(row.detail),
    })),
    olderFrom: rows.length > securityEventPageSize ? page.at(-1)!.id : null,
  };
}
