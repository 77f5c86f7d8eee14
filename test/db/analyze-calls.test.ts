import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeCalls, upsertCalls } from "@/lib/db/queries/calls";
import type { NewCallRow } from "@/lib/db/schema";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const drivers = await testDrivers();

function callRows(prefix: string, count: number): NewCallRow[] {
  return Array.from({ length: count }, (_, index) => ({
    provider: "allo",
    callId: `${prefix}-${index}`,
    startedAt: new Date(Date.parse("2026-11-20T12:00:00Z") - index * 60_000),
    direction: "inbound" as const,
    hasSummary: true,
    searchText: `grace owusu customer ${prefix} ${index}`,
    summaryText: `the customer asked about invoice ${prefix}-${index} and a refund.`,
  }));
}

describe.each(drivers)("upkeep of the queue index after a sync (%s)", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });

  afterAll(async () => {
    await database?.close();
  });

  /** Pages of unsorted entries each trigram index held, merged by this very call. */
  const mergePending = async () => {
    const result = await database.db.execute(sql`
      select gin_clean_pending_list('calls_search_trgm_idx'::regclass)::int as search,
             gin_clean_pending_list('calls_summary_trgm_idx'::regclass)::int as summary`);
    return (result as unknown as { rows: { search: number; summary: number }[] }).rows[0];
  };

  it("leaves no unsorted trigram entries behind, which every search would otherwise read", async () => {
    // Inserted calls wait in each trigram index's pending list…
    await upsertCalls(database.db, callRows("before", 200));
    const pending = await mergePending();
    expect(pending?.search).toBeGreaterThan(0);
    expect(pending?.summary).toBeGreaterThan(0);
    // …until the upkeep a completed sync runs merges them.
    await upsertCalls(database.db, callRows("after", 200));
    await analyzeCalls(database.db);
    expect(await mergePending()).toEqual({ search: 0, summary: 0 });
  });
});
