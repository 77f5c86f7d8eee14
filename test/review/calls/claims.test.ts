import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/open-database";
import { upsertCalls } from "@/lib/db/queries/calls";
import { claimNextCall } from "@/lib/db/queries/claims";
import { recordReviewDecision } from "@/lib/db/queries/reviews";
import { claimForReview, releaseForReview } from "@/lib/review/calls/claim-call";
import { listQueue, queueQuerySchema } from "@/lib/review/queue/list-queue";
import { toCallRow } from "@/lib/review/queue/sync-calls";
import { createActor } from "../../support/review-fixture";
import { openTestDatabase, testDrivers } from "../../support/test-database";

const drivers = await testDrivers();
const lease = 5 * 60_000;

describe.each(drivers)("soft claims on calls (%s)", (driver) => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    const now = Date.parse("2026-11-20T12:00:00Z");
    await upsertCalls(
      database.db,
      ["c1", "c2", "c3"].map((callId, index) =>
        toCallRow(
          {
            ref: { provider: "allo", callId },
            targetId: callId,
            startedAt: new Date(now - index * 60_000).toISOString(),
            durationSec: 60,
            direction: "inbound",
            agent: { id: "u1", name: "Grace Owusu" },
            counterpart: { name: `Customer ${index}`, number: "+15550000000" },
            summaryStatus: "ready",
            summaryText: null,
          },
          new Date(),
        ),
      ),
    );
  });

  afterAll(async () => {
    await database?.close();
  });

  it("shows who holds a call, sends the next reviewer elsewhere, and frees it on release", async () => {
    const dana = await createActor(database, "lead", "Dana Lead");
    const riley = await createActor(database, "reviewer", "Riley Reviewer");
    const ref = { provider: "allo" as const, callId: "c1" };

    expect(await claimForReview(database, dana, ref)).toMatchObject({ holder: "Dana Lead", mine: true });
    expect(await claimForReview(database, riley, ref)).toMatchObject({ holder: "Dana Lead", mine: false });

    const queue = await listQueue(database, ["allo"], queueQuerySchema.parse({}));
    expect(queue.items.find((item) => item.callId === "c1")?.claimedBy).toMatchObject({ name: "Dana Lead" });
    expect(queue.items.find((item) => item.callId === "c2")?.claimedBy).toBeNull();

    // "Next" claims what it picks: Riley is sent to c2 and holds it, so Dana, holding c1 already, gets c1 back.
    expect(await claimNextCall(database.db, ["allo"], riley.id, lease)).toEqual({ provider: "allo", callId: "c2" });
    expect(await claimForReview(database, dana, { provider: "allo", callId: "c2" })).toMatchObject({ holder: "Riley Reviewer", mine: false });
    expect(await claimNextCall(database.db, ["allo"], dana.id, lease)).toEqual({ provider: "allo", callId: "c1" });

    await recordReviewDecision(database.db, { provider: "allo", callId: "c2", targetId: "c2", status: "corrected", userId: riley.id });
    expect(await claimNextCall(database.db, ["allo"], riley.id, lease)).toEqual({ provider: "allo", callId: "c3" });

    await releaseForReview(database, dana, ref);
    expect(await claimForReview(database, riley, ref)).toMatchObject({ holder: "Riley Reviewer", mine: true });

    // "Next" from a call never sends the reviewer back to it, though they hold it.
    expect(await claimNextCall(database.db, ["allo"], riley.id, lease)).toEqual({ provider: "allo", callId: "c1" });
    expect(await claimNextCall(database.db, ["allo"], riley.id, lease, { provider: "allo", callId: "c1" })).toEqual({ provider: "allo", callId: "c3" });
  });
});
