import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkSession, endSession, endSessionsOf, markAuthenticated, startSession } from "@/lib/db/queries/sessions";
import { createActor } from "../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const drivers = await testDrivers();
const start = new Date("2026-12-01T09:00:00Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const idleMs = 30 * 60_000;

describe.each(drivers)("server-side sessions (%s)", (driver) => {
  let database: TestDatabase;
  let userId: string;

  beforeEach(async () => {
    database = await openTestDatabase(driver);
    userId = (await createActor(database, "reviewer", "Riley Reviewer")).id;
    await startSession(database.db, { id: "s1", userId, method: "password", expiresAt: minutes(12 * 60), now: start });
  });
  afterEach(async () => {
    await database?.close();
  });

  const check = (at: Date, touch = true) => checkSession(database.db, "s1", { idleMs, touch, now: at });

  it("stays alive while used, and ends for good after the idle time with no activity", async () => {
    expect(await check(minutes(20))).toMatchObject({ ok: true, userId });
    expect(await check(minutes(45))).toMatchObject({ ok: true });
    expect(await check(minutes(76))).toEqual({ ok: false, reason: "idle", justEnded: true });
    // Ended: activity after that does not bring it back.
    expect(await check(minutes(77))).toEqual({ ok: false, reason: "idle" });
  });

  it("polling (no activity) neither keeps a session alive nor ends a live one early", async () => {
    expect(await check(minutes(20), false)).toMatchObject({ ok: true });
    expect(await check(minutes(29), false)).toMatchObject({ ok: true });
    expect(await check(minutes(31), false)).toEqual({ ok: false, reason: "idle", justEnded: true });
  });

  it("signing out ends it, and only it", async () => {
    await startSession(database.db, { id: "s2", userId, method: "password", expiresAt: minutes(12 * 60), now: start });
    await endSession(database.db, "s1", "signed_out", minutes(1));
    expect(await check(minutes(2))).toEqual({ ok: false, reason: "signed_out" });
    expect(await checkSession(database.db, "s2", { idleMs, now: minutes(2) })).toMatchObject({ ok: true });
  });

  it("ends every session of an account but the one kept", async () => {
    await startSession(database.db, { id: "s2", userId, method: "sso", expiresAt: minutes(12 * 60), now: start });
    expect(await endSessionsOf(database.db, userId, "password_changed", { except: "s2", now: minutes(1) })).toBe(1);
    expect(await check(minutes(2))).toEqual({ ok: false, reason: "password_changed" });
    expect(await checkSession(database.db, "s2", { idleMs, now: minutes(2) })).toMatchObject({ ok: true, method: "sso" });
  });

  it("refuses an expired session and one nobody started", async () => {
    expect(await check(minutes(12 * 60))).toEqual({ ok: false, reason: "expired" });
    expect(await checkSession(database.db, "forged", { idleMs, now: minutes(1) })).toEqual({ ok: false, reason: "unknown" });
  });

  it("remembers when the user last proved who they are", async () => {
    expect(await check(minutes(5))).toMatchObject({ authenticatedAt: start });
    await markAuthenticated(database.db, "s1", minutes(10));
    expect(await check(minutes(11))).toMatchObject({ authenticatedAt: minutes(10) });
  });
});
