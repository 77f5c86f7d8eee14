import { z } from "zod";
import type { Database } from "@/lib/db/open-database";
import { queueAgents, queueCalls, queuePosition, queueStatusCounts, type QueueCursor } from "@/lib/db/queries/calls";
import { activeClaims } from "@/lib/db/queries/claims";
import { reviewStatusEnum, type CallRow, type Review } from "@/lib/db/schema";
import { providerIdSchema, type ProviderId } from "@/lib/providers/provider-id";

export const reviewStatusSchema = z.enum(reviewStatusEnum.enumValues);

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-24");

/** The queue's filters as they stand in the URL; anything malformed is dropped rather than failing the page. */
export const queueQuerySchema = z.object({
  provider: providerIdSchema.optional().catch(undefined),
  status: reviewStatusSchema.optional().catch(undefined),
  from: dateSchema.optional().catch(undefined),
  to: dateSchema.optional().catch(undefined),
  agent: z.string().trim().min(1).max(200).optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  summary: z.enum(["ready", "coming", "none"]).optional().catch(undefined),
  order: z.enum(["newest", "oldest"]).default("newest").catch("newest"),
  cursor: z.string().max(200).optional().catch(undefined),
});

export type QueueQuery = z.infer<typeof queueQuerySchema>;

export type QueueItem = {
  provider: ProviderId;
  callId: string;
  startedAt: string;
  durationSec: number | null;
  direction: "inbound" | "outbound";
  agentName: string | null;
  counterpartName: string | null;
  counterpartNumber: string | null;
  summaryStatus: CallRow["summaryStatus"];
  transcriptStatus: CallRow["transcriptStatus"];
  reviewStatus: Review["status"];
  /** Someone reviewing it right now, by the soft claim. */
  claimedBy: { name: string; since: string } | null;
};

export type QueuePage = {
  items: QueueItem[];
  nextCursor: string | null;
  counts: Record<Review["status"], number>;
  /** Counts at or above this were not counted further; null when the counts are exact. */
  countCap: number | null;
  agents: string[];
};

const countCap = 200;

function encodeCursor(row: CallRow): string {
  return Buffer.from(`${row.startedAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): QueueCursor | undefined {
  if (!cursor) return undefined;
  const [iso, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const startedAt = new Date(iso ?? "");
  const numericId = Number(id);
  return Number.isNaN(startedAt.getTime()) || !Number.isInteger(numericId) ? undefined : { startedAt, id: numericId };
}

function toQueueItem(row: CallRow): QueueItem {
  return {
    provider: row.provider as ProviderId,
    callId: row.callId,
    startedAt: row.startedAt.toISOString(),
    durationSec: row.durationSec,
    direction: row.direction,
    agentName: row.agentName,
    counterpartName: row.counterpartName,
    counterpartNumber: row.counterpartNumber,
    summaryStatus: row.summaryStatus,
    transcriptStatus: row.transcriptStatus,
    reviewStatus: row.reviewStatus,
    claimedBy: null,
  };
}

/** The queue's filters as the index reads them. */
function toFilters(providers: ProviderId[], query: QueueQuery) {
  return {
    providers: query.provider ? [query.provider] : providers,
    status: query.status,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    // The "to" date is inclusive for the reader: everything before the next midnight.
    to: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
    agent: query.agent,
    text: query.q,
    summary: query.summary,
  };
}

/**
 * The call before or after one in the queue as the reviewer filtered and sorted it, across pages: what
 * Alt+↑ and Alt+↓ open. Undefined at either end, or for a call the index does not hold.
 */
export async function adjacentCall(
  database: Database,
  providers: ProviderId[],
  query: QueueQuery,
  from: { provider: string; callId: string },
  direction: "next" | "previous",
): Promise<{ provider: ProviderId; callId: string } | undefined> {
  const position = await queuePosition(database.db, from.provider, from.callId);
  if (!position) return undefined;
  // "Previous" walks the same order backwards from the call.
  const order = (direction === "next") === (query.order === "newest") ? "newest" : "oldest";
  const [row] = await queueCalls(database.db, toFilters(providers, query), { order, cursor: position, limit: 1 });
  return row ? { provider: row.provider as ProviderId, callId: row.callId } : undefined;
}

/** A page of the queue index with counts per status, for the providers Redline is configured for. */
export async function listQueue(
  database: Database,
  providers: ProviderId[],
  query: QueueQuery,
  limit = 25,
): Promise<QueuePage> {
  const filters = toFilters(providers, query);
  const [rows, { counts, exact }, agents] = await Promise.all([
    queueCalls(database.db, filters, { order: query.order, cursor: decodeCursor(query.cursor), limit: limit + 1 }),
    queueStatusCounts(database.db, filters, countCap),
    queueAgents(database.db),
  ]);
  const items = rows.slice(0, limit).map(toQueueItem);
  for (const provider of new Set(items.map((item) => item.provider))) {
    const claims = await activeClaims(
      database.db,
      provider,
      items.filter((item) => item.provider === provider).map((item) => item.callId),
    );
    for (const item of items) {
      const claim = item.provider === provider ? claims.get(item.callId) : undefined;
      if (claim) item.claimedBy = { name: claim.userName, since: claim.claimedAt.toISOString() };
    }
  }
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor(rows[limit - 1]!) : null,
    counts,
    countCap: exact ? null : countCap,
    agents,
  };
}
