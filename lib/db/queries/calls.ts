import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../open-database";
import { rowsOf } from "./rows-of";
import type { Availability } from "@/lib/providers/types";
import { calls, queueCounts, type CallRow, type NewCallRow, type Review } from "../schema";

export async function upsertCalls(db: Db, rows: NewCallRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(calls)
    .values(rows)
    .onConflictDoUpdate({
      target: [calls.provider, calls.callId],
      // Everything the provider owns is refreshed; the review status is Redline's own and is kept.
      set: {
        startedAt: sql`excluded.started_at`,
        durationSec: sql`excluded.duration_sec`,
        direction: sql`excluded.direction`,
        agentId: sql`excluded.agent_id`,
        agentName: sql`excluded.agent_name`,
        counterpartName: sql`excluded.counterpart_name`,
        counterpartNumber: sql`excluded.counterpart_number`,
        counterpartId: sql`excluded.counterpart_id`,
        // A list that cannot tell ("unchecked") keeps what a read, a re-check or a webhook learnt.
        summaryStatus: sql`case when excluded.summary_status = 'unchecked' then ${calls.summaryStatus} else excluded.summary_status end`,
        // A target learnt when the call was opened (Bland's memory) is kept where the list does not tell it.
        targetId: sql`coalesce(excluded.target_id, ${calls.targetId})`,
        searchText: sql`excluded.search_text`,
        // A list without summaries (Bland, Quo) keeps the text indexed when the call was opened.
        summaryText: sql`coalesce(excluded.summary_text, ${calls.summaryText})`,
        lastSyncedAt: sql`excluded.last_synced_at`,
      },
    });
}

export type QueueFilters = {
  providers?: string[];
  status?: Review["status"];
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  agent?: string;
  text?: string;
  /** Whether the summary is there to review, not there yet (it may still come), or not coming. */
  summary?: SummaryFilter;
};

export type SummaryFilter = "ready" | "coming" | "none";

const summaryStatusesFor: Record<SummaryFilter, CallRow["summaryStatus"][]> = {
  ready: ["ready"],
  coming: ["in_progress", "unchecked", "absent"],
  none: ["failed", "not_in_plan", "not_provided_by_this_api"],
};

/** A fragment of a name, a number, an id or the summary's text; both columns have a trigram index. */
function textMatches(text: string): SQL {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
  return or(ilike(calls.searchText, pattern), ilike(calls.summaryText, pattern))!;
}

export type SummaryState = {
  /** The summary's current text, for the queue's search; null when there is none. */
  text: string | null;
  status: Availability;
  /** Left as it is when the read did not tell. */
  transcriptStatus?: Availability;
};

/**
 * What a read of the provider said of a call's summary, on every call of its target: its text for the queue's
 * search (Bland's and Quo's lists carry none) and its status, so Start reviewing and next offer the call only
 * once its summary is there, and the re-check knows when it last asked.
 */
export async function recordSummaryState(
  db: Db,
  call: { provider: string; callId: string; targetId: string | null },
  state: SummaryState,
): Promise<void> {
  const sameCall = eq(calls.callId, call.callId);
  await db
    .update(calls)
    .set({
      summaryText: state.text?.toLowerCase() ?? null,
      summaryStatus: state.status,
      summaryCheckedAt: new Date(),
      // The transcript is the call's own, even where the summary is shared.
      ...(state.transcriptStatus
        ? { transcriptStatus: sql`case when ${sameCall} then ${state.transcriptStatus} else ${calls.transcriptStatus} end` }
        : {}),
    })
    .where(and(eq(calls.provider, call.provider), call.targetId === null ? sameCall : or(sameCall, eq(calls.targetId, call.targetId))));
}

/**
 * Takes up to `limit` calls of a provider whose summary is not there yet and whose next look is due, newest
 * first, stamping them as checked so another instance's re-check skips them. A call is looked at again after
 * a minute while it is an hour old, ten minutes while a day old, then hourly for two weeks; a call its list
 * could not tell about ("unchecked") is looked at whatever its age. Failed and API-less summaries never come.
 */
export async function takeDueSummaryChecks(
  db: Db,
  provider: string,
  now: Date,
  limit: number,
): Promise<{ callId: string; targetId: string | null }[]> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    update calls set summary_checked_at = ${at}::timestamptz
    where id in (
      select id from calls
      where summary_status not in ('ready', 'failed', 'not_provided_by_this_api') and provider = ${provider}
        and (summary_status = 'unchecked' or started_at > ${at}::timestamptz - interval '14 days')
        and (summary_checked_at is null or summary_checked_at <= ${at}::timestamptz - case
          when started_at > ${at}::timestamptz - interval '1 hour' then interval '1 minute'
          when started_at > ${at}::timestamptz - interval '1 day' then interval '10 minutes'
          else interval '1 hour' end)
      order by started_at desc
      limit ${limit}
      for update skip locked
    )
    returning call_id as "callId", target_id as "targetId", started_at as "startedAt"`);
  // Both drivers answer raw SQL with `{ rows }`; the shared database type leaves it unknown. Newest first.
  const rows = rowsOf<{ callId: string; targetId: string | null; startedAt: string | Date }>(result);
  return rows
    .sort((a, b) => new Date(b.startedAt).getTime() - new Date(a.startedAt).getTime())
    .map(({ callId, targetId }) => ({ callId, targetId }));
}

/**
 * A call's summary is due a look now (a provider's webhook said it is done): the next re-check takes it first.
 * "ready" for a call whose summary Redline already has (what it shows may be a correction: left alone),
 * "unknown" for a call not indexed yet.
 */
export async function markSummaryDue(db: Db, provider: string, callId: string): Promise<"due" | "ready" | "unknown"> {
  const rows = await db
    .update(calls)
    .set({ summaryCheckedAt: sql`case when ${calls.summaryStatus} = 'ready' then ${calls.summaryCheckedAt} end`, summaryStatus: sql`case when ${calls.summaryStatus} = 'ready' then 'ready' else 'unchecked' end` })
    .where(and(eq(calls.provider, provider), eq(calls.callId, callId)))
    .returning({ status: calls.summaryStatus });
  const [row] = rows;
  return row === undefined ? "unknown" : row.status === "ready" ? "ready" : "due";
}

/** The provider says a call's transcript is done (a signed webhook); false for a call not indexed yet. */
export async function recordTranscriptReady(db: Db, provider: string, callId: string): Promise<boolean> {
  const rows = await db
    .update(calls)
    .set({ transcriptStatus: "ready" })
    .where(and(eq(calls.provider, provider), eq(calls.callId, callId)))
    .returning({ id: calls.id });
  return rows.length > 0;
}

export type QueueCursor = { startedAt: Date; id: number };

function filterConditions(filters: QueueFilters, withStatus: boolean): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.providers?.length ? inArray(calls.provider, filters.providers) : undefined,
    withStatus && filters.status ? eq(calls.reviewStatus, filters.status) : undefined,
    filters.from ? gte(calls.startedAt, filters.from) : undefined,
    filters.to ? lt(calls.startedAt, filters.to) : undefined,
    filters.agent ? eq(calls.agentName, filters.agent) : undefined,
    filters.text ? textMatches(filters.text) : undefined,
    filters.summary ? inArray(calls.summaryStatus, summaryStatusesFor[filters.summary]) : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** One page of the queue by keyset on (started_at, id): as fast on page 400 as on page 1. */
export async function queueCalls(
  db: Db,
  filters: QueueFilters,
  page: { order: "newest" | "oldest"; cursor?: QueueCursor; limit: number },
): Promise<CallRow[]> {
  const conditions = filterConditions(filters, true);
  if (page.cursor) {
    const { startedAt, id } = page.cursor;
    conditions.push(
      page.order === "newest"
        ? or(lt(calls.startedAt, startedAt), and(eq(calls.startedAt, startedAt), lt(calls.id, id)))!
        : or(sql`${calls.startedAt} > ${startedAt}`, and(eq(calls.startedAt, startedAt), sql`${calls.id} > ${id}`))!,
    );
  }
  const order = page.order === "newest" ? [desc(calls.startedAt), desc(calls.id)] : [asc(calls.startedAt), asc(calls.id)];
  return db
    .select()
    .from(calls)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...order)
    .limit(page.limit);
}

/** Where a call sits in the queue's order, or undefined for a call the index does not hold. */
export async function queuePosition(db: Db, provider: string, callId: string): Promise<QueueCursor | undefined> {
  const [row] = await db
    .select({ startedAt: calls.startedAt, id: calls.id })
    .from(calls)
    .where(and(eq(calls.provider, provider), eq(calls.callId, callId)))
    .limit(1);
  return row;
}

const statuses: Review["status"][] = ["unreviewed", "in_review", "corrected", "approved"];

/**
 * Calls per review status under the current filters. With no filter but the providers they are read
 * from the trigger-kept counters; otherwise each status is counted up to `cap`, so the cost stays the
 * same with a hundred thousand calls as with a thousand, and "1,000+" is as useful to a reviewer.
 */
export async function queueStatusCounts(
  db: Db,
  filters: QueueFilters,
  cap: number,
): Promise<{ counts: Record<Review["status"], number>; exact: boolean }> {
  const { providers, from, to, agent, text, summary } = filters;
  if ([from, to, agent, text, summary].every((value) => value === undefined)) {
    const rows = await db
      .select({ status: queueCounts.status, count: sql<number>`sum(${queueCounts.count})::int` })
      .from(queueCounts)
      .where(providers?.length ? inArray(queueCounts.provider, providers) : undefined)
      .groupBy(queueCounts.status);
    const counts = Object.fromEntries(statuses.map((status) => [status, rows.find((row) => row.status === status)?.count ?? 0]));
    return { counts: counts as Record<Review["status"], number>, exact: true };
  }
  const base = filterConditions(filters, false);
  const counts = await Promise.all(
    statuses.map(async (status) => {
      const capped = db
        .select({ one: sql`1` })
        .from(calls)
        .where(and(...base, eq(calls.reviewStatus, status)))
        .limit(cap)
        .as("capped");
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(capped);
      return [status, row?.count ?? 0] as const;
    }),
  );
  return { counts: Object.fromEntries(counts) as Record<Review["status"], number>, exact: false };
}

/** Distinct agent names by walking the agent index (a loose index scan): cheap however many calls there are. */
export async function queueAgents(db: Db): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive agents(name) as (
      select min(agent_name) from calls
      union all
      select (select min(agent_name) from calls where agent_name > agents.name) from agents where agents.name is not null
    )
    select name from agents where name is not null limit 500`);
  // Both drivers answer raw SQL with `{ rows }`; the shared database type leaves it unknown.
  return rowsOf<{ name: string }>(result).map((row) => row.name);
}


/**
 * Refreshes the planner's statistics for the queue index and merges the trigram indexes' pending entries.
 * The embedded database has no autovacuum, so without this the queue's filters would be planned as if the
 * table were empty, and every search would read the up to 4 MB of entries a GIN index keeps unsorted after
 * inserts (ANALYZE merges them only from autovacuum): a rare term took twice as long at 100,000 calls.
 */
export async function analyzeCalls(db: Db): Promise<void> {
  await db.execute(sql`analyze calls`);
  await mergePendingSearchEntries(db);
}

/**
 * Moves the trigram indexes' pending entries into the indexes proper. Every search reads the pending list in
 * full, and the embedded database has no autovacuum to merge it: whatever writes summary text outside a sync
 * (the readiness re-check, webhooks) calls this after its batch.
 */
export async function mergePendingSearchEntries(db: Db): Promise<void> {
  await db.execute(sql`select gin_clean_pending_list('calls_search_trgm_idx'::regclass), gin_clean_pending_list('calls_summary_trgm_idx'::regclass)`);
}
