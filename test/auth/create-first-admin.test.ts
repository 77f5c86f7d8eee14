import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/check-credentials";
import { createFirstAdmin } from "@/lib/auth/create-first-admin";
import { demoPassword } from "@/lib/auth/demo-accounts";
import { findUserByEmail } from "@/lib/db/queries/users";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const drivers = await testDrivers();

describe.each(drivers)("the first admin of a real install (%s)", (driver) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(driver);
  });

  afterEach(async () => {
    await database?.close();
  });

  it("gets a password made for them, shown once, that signs in; no default one works", async () => {
    const created = await createFirstAdmin(database.db, { email: "Lee@Example.com", name: "Lee Park" });
    if (!created.ok) throw new Error(created.message);
    expect(created.password).toMatch(/^[\w-]{24}$/);
    expect(await findUserByEmail(database.db, "lee@example.com")).toMatchObject({ role: "admin", name: "Lee Park" });
    expect((await checkCredentials(database.db, { email: "lee@example.com", password: created.password, address: null })).ok).toBe(true);
    expect((await checkCredentials(database.db, { email: "lee@example.com", password: demoPassword, address: null })).ok).toBe(false);

    const second = await createFirstAdmin(database.db, { email: "Lee@Example.com", name: "Someone Else" });
    expect(second).toEqual({ ok: false, message: "Lee@Example.com already has an account; nothing was changed." });
    expect((await checkCredentials(database.db, { email: "lee@example.com", password: created.password, address: null })).ok).toBe(true);
  });

  it("says what is missing", async () => {
    expect(await createFirstAdmin(database.db, { email: "", name: "" })).toMatchObject({ ok: false, message: expect.stringContaining("--email") });
  });
});
