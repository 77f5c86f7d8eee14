import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeSsoRequirement, ssoRequired } from "@/lib/auth/sso-requirement";
import { listSecurityEvents } from "@/lib/db/queries/security-events";
import { createActor } from "../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const drivers = await testDrivers();

describe.each(drivers)("requiring single sign-on (%s)", (driver) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(driver);
  });

  afterEach(async () => {
    await database?.close();
  });

  it("is off until an admin turns it on, and on only while single sign-on is configured", async () => {
    const admin = await createActor(database, "admin", "Ada Admin");
    expect(await ssoRequired(database.db, true)).toBe(false);

    expect(await changeSsoRequirement(database.db, { required: true, ssoConfigured: true }, admin)).toEqual({ ok: true, required: true });
    expect(await ssoRequired(database.db, true)).toBe(true);
    expect(await ssoRequired(database.db, false)).toBe(false);

    expect(await changeSsoRequirement(database.db, { required: false, ssoConfigured: false }, admin)).toEqual({ ok: true, required: false });
    expect(await ssoRequired(database.db, true)).toBe(false);
    const events = await listSecurityEvents(database.db, { events: ["sso_requirement_changed"], limit: 10 });
    expect(events.map((event) => event.detail)).toEqual([
      { from: true, to: false },
      { from: false, to: true },
    ]);
    expect(events.every((event) => event.actorId === admin.id)).toBe(true);
  });

  it("cannot be turned on while single sign-on is not configured", async () => {
    const admin = await createActor(database, "admin", "Ada Admin");
    expect(await changeSsoRequirement(database.db, { required: true, ssoConfigured: false }, admin)).toMatchObject({ ok: false, error: { code: "sso_not_configured" } });
    expect(await ssoRequired(database.db, true)).toBe(false);
  });
});
