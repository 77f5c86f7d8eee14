import { pageRecordingAdapter } from "../../support/page-recording-adapter";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixture } from "@/emulator/data/generate";
import type { Fixture } from "@/emulator/data/fixture-schema";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import type { Database } from "@/lib/db/open-database";
import { syncStates } from "@/lib/db/queries/sync-state";
import { calls } from "@/lib/db/schema";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import { createBlandAdapter } from "@/lib/providers/bland/adapter";
import { createOpenPhoneAdapter } from "@/lib/providers/openphone/adapter";
import { ProviderError } from "@/lib/providers/provider-error";
import type { ProviderId } from "@/lib/providers/provider-id";
import { createTwilioAdapter } from "@/lib/providers/twilio/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { syncCalls } from "@/lib/review/queue/sync-calls";
import { openTestDatabase, testDrivers } from "../../support/test-database";

const drivers = await testDrivers();
const CALLS_PER_PROVIDER = 2_500;
const dataOptions = { seed: 21, calls: CALLS_PER_PROVIDER, now: new Date("2026-06-01T12:00:00Z") };
const providers: ProviderId[] = ["allo", "openphone", "bland", "twilio"];

/**
 * The largest page each provider's adapter takes (Allo, Quo and Twilio 100), except Bland, whose list takes
 * 1,000: 500 there still leaves five pages, so the interruption falls midway.
 */
const pageSizes: Record<ProviderId, number> = { allo: 100, openphone: 100, bland: 500, twilio: 100 };
const pageCounts = Object.fromEntries(providers.map((provider) => [provider, Math.ceil(CALLS_PER_PROVIDER / pageSizes[provider])])) as Record<ProviderId, number>;
const interruptedPage = Object.fromEntries(providers.map((provider) => [provider, Math.ceil(pageCounts[provider] / 2)])) as Record<ProviderId, number>;

/** What the emulator serves, as the index should hold it: `callId|startedAt|direction`, sorted, per provider. */
function expectedIndex(fixture: Fixture): Record<ProviderId, string[]> {
  const key = (callId: string, at: string, inbound: boolean) => `${callId}|${new Date(at).toISOString()}|${inbound ? "inbound" : "outbound"}`;
  return {
    allo: fixture.allo!.items.filter((item) => item.type === "CALL").map((item) => key(item.id, item.date, item.direction === "INBOUND")).sort(),
    openphone: fixture.openphone!.calls.map((call) => key(call.id, call.createdAt, call.direction === "incoming")).sort(),
    bland: fixture.bland!.calls.map((call) => key(call.call_id, call.created_at, call.inbound)).sort(),
    // Twilio Memory keeps no direction: every conversation is indexed as inbound.
    twilio: fixture
      .twilio!.stores.flatMap((store) => store.profiles.flatMap((profile) => profile.summaries.map((summary) => key(`${profile.id}~${summary.id}`, summary.occurredAt, true))))
      .sort(),
  };
}

const noWait = async () => {};

const expected = expectedIndex(generateFixture(dataOptions));
// One emulator for both drivers: the sync only reads, and each driver's run builds its own adapters.
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, ...dataOptions, rateLimits: false });
});

afterAll(async () => {
  await emulator?.close();
});

describe.each(drivers)("syncing 10,000 calls from all four providers (%s)", (driver) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });

  afterAll(async () => {
    await database?.close();
  });

  /**
   * Each adapter as Redline builds it from the emulator's setup. The emulator enforces no rate limit here,
   * so Allo's and Quo's own pacing is turned off; waits between retries are skipped.
   */
  function adapters(): Record<ProviderId, ProviderAdapter> {
    const { allo, openphone, bland, twilio } = emulator.setup().providers;
    return {
      allo: createAlloAdapter({ apiKey: allo!.apiKey, baseUrl: allo!.baseUrl, timeoutMs: 10_000, rateLimit: null, sleep: noWait }),
      openphone: createOpenPhoneAdapter({
        apiKey: openphone!.apiKey,
        baseUrl: openphone!.baseUrl,
        lines: openphone!.phoneNumbers.map((line) => ({ phoneNumberId: line.id, participants: line.participants })),
        timeoutMs: 10_000,
        rateLimit: null,
        sleep: noWait,
      }),
      bland: createBlandAdapter({ apiKey: bland!.apiKey, baseUrl: bland!.baseUrl, timeoutMs: 10_000, sleep: noWait }),
      twilio: createTwilioAdapter({
        apiKeySid: twilio!.apiKeySid,
        apiKeySecret: twilio!.apiKeySecret,
        baseUrl: twilio!.baseUrl,
        storeId: twilio!.storeId,
        profileIds: twilio!.profileIds,
        timeoutMs: 10_000,
        sleep: noWait,
      }),
    };
  }

  /**
   * How each pass is cut short midway. Allo and Bland read every page from the provider, so the emulator is
   * told to fail the list endpoint four times running (the first attempt and the base client's three
   * retries). Quo's later pages come from the merge the adapter keeps and Twilio's from the profiles it
   * has read, without a request to fail, so there the page itself fails as a provider outage would.
   */
  function interruption(provider: ProviderId): () => Promise<void> {
    const fault = async (endpoint: string) => {
      const response = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ faults: [`${endpoint}:status=503,count=4`] }),
      });
      expect(response.status).toBe(201);
    };
    const outage = async () => {
      throw new ProviderError({ provider, status: 503, code: "SERVICE_UNAVAILABLE", kind: "unavailable", message: "down", retryable: true });
    };
    switch (provider) {
      case "allo":
        return () => fault("allo.search");
      case "bland":
        return () => fault("bland.listCalls");
      default:
        return outage;
    }
  }

  const indexed = async (provider: ProviderId) =>
    (await database.db.select({ callId: calls.callId, startedAt: calls.startedAt, direction: calls.direction }).from(calls).where(eq(calls.provider, provider)))
      .map((row) => `${row.callId}|${row.startedAt.toISOString()}|${row.direction}`)
      .sort();

  it("serves 2,500 calls per provider", () => {
    for (const provider of providers) expect(expected[provider]).toHaveLength(CALLS_PER_PROVIDER);
  });

  it("stops each provider's pass where it was interrupted, leaving a failed state at that page", async () => {
    const built = adapters();
    const runs = providers.map((provider) => pageRecordingAdapter(built[provider], { page: interruptedPage[provider], run: interruption(provider) }));
    const outcomes = await Promise.all(runs.map(({ adapter }) => syncCalls({ database, adapter }, { pageSize: pageSizes[adapter.id] })));

    for (const [index, provider] of providers.entries()) {
      const done = (interruptedPage[provider] - 1) * pageSizes[provider];
      expect(outcomes[index]).toMatchObject({ status: "failed", provider, processed: done, error: { code: "SERVICE_UNAVAILABLE", status: 503 } });
      expect(runs[index]!.pages).toEqual(Array.from({ length: interruptedPage[provider] }, (_, page) => page + 1));
      const rows = await indexed(provider);
      expect(rows).toHaveLength(done);
      expect(new Set(rows).size).toBe(done);
    }
    const states = await syncStates(database.db);
    for (const provider of providers) {
      expect(states.find((state) => state.provider === provider)).toMatchObject({
        status: "failed",
        nextPage: interruptedPage[provider],
        processed: (interruptedPage[provider] - 1) * pageSizes[provider],
        errorCode: "SERVICE_UNAVAILABLE",
      });
    }
  });

  it("resumes each pass from the page it stopped on, ending with every call indexed once", async () => {
    // New adapters, as after a restart: where to resume is in the database, not in an adapter's memory.
    const built = adapters();
    const runs = providers.map((provider) => pageRecordingAdapter(built[provider]));
    const outcomes = await Promise.all(runs.map(({ adapter }) => syncCalls({ database, adapter }, { pageSize: pageSizes[adapter.id] })));

    for (const [index, provider] of providers.entries()) {
      // `processed` counts every call listed in the pass: each listed exactly once across its two runs.
      expect(outcomes[index]).toEqual({ status: "completed", provider, processed: CALLS_PER_PROVIDER });
      expect(runs[index]!.pages).toEqual(Array.from({ length: pageCounts[provider] - interruptedPage[provider] + 1 }, (_, at) => interruptedPage[provider] + at));
      expect(await indexed(provider)).toEqual(expected[provider]);
    }
    const states = await syncStates(database.db);
    for (const provider of providers) {
      expect(states.find((state) => state.provider === provider)).toMatchObject({
        status: "completed",
        nextPage: 1,
        processed: CALLS_PER_PROVIDER,
        total: CALLS_PER_PROVIDER,
        errorCode: null,
      });
    }
    expect(await database.db.$count(calls)).toBe(4 * CALLS_PER_PROVIDER);
  });
});
