import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountPolicy, addressPolicy, checkCredentials } from "@/lib/auth/check-credentials";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { writeAppSetting } from "@/lib/db/queries/app-settings";
import { upsertUser } from "@/lib/db/queries/users";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const drivers = await testDrivers();
const password = "correct horse battery staple";
const start = new Date("2026-12-01T09:00:00Z");
const after = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe.each(drivers)("checking a password (%s)", (driver) => {
  let database: TestDatabase;
  let hashes = 0;
  const verify = (given: string, stored: string) => {
    hashes += 1;
    return verifyPassword(given, stored);
  };
  const attempt = (email: string, given: string, now: Date, address: string | null = "203.0.113.7", ssoConfigured = false) =>
    checkCredentials(database.db, { email, password: given, address }, { now, verify, ssoConfigured });

  beforeEach(async () => {
    database = await openTestDatabase(driver);
    await upsertUser(database.db, { email: "riley@redline.test", name: "Riley", role: "reviewer", passwordHash: await hashPassword(password) });
    hashes = 0;
  });

  afterEach(async () => {
    await database?.close();
  });

  it("computes exactly one hash whether or not the account exists, and answers both the same", async () => {
    expect(await attempt("riley@redline.test", "wrong", start)).toEqual({ ok: false, reason: "wrong" });
    expect(hashes).toBe(1);
    expect(await attempt("nobody@redline.test", "wrong", start)).toEqual({ ok: false, reason: "wrong" });
    expect(hashes).toBe(2);
    expect((await attempt("riley@redline.test", password, start)).ok).toBe(true);
    expect(hashes).toBe(3);
  });

  it("allows five wrong passwords per account, then locks it for 30 s, doubling, before computing any hash", async () => {
    for (let i = 0; i < accountPolicy.freeFailures; i++) expect(await attempt("riley@redline.test", "wrong", after(i))).toMatchObject({ reason: "wrong" });
    // The fifth failure is the last free one; the sixth locks.
    expect(await attempt("riley@redline.test", "wrong", after(5))).toMatchObject({ reason: "wrong" });
    const hashesBefore = hashes;
    expect(await attempt("riley@redline.test", password, after(6))).toEqual({ ok: false, reason: "throttled", retryAfterSec: 29 });
    expect(hashes).toBe(hashesBefore);

    // Past the lock the right password works; a further failure after that locks for twice as long.
    expect(await attempt("riley@redline.test", "wrong", after(36))).toMatchObject({ reason: "wrong" });
    expect(await attempt("riley@redline.test", password, after(37))).toMatchObject({ reason: "throttled", retryAfterSec: 59 });
    expect((await attempt("riley@redline.test", password, after(97))).ok).toBe(true);
    // Success clears the account's count: five free guesses again.
    for (let i = 0; i < accountPolicy.freeFailures; i++) expect(await attempt("riley@redline.test", "wrong", after(100 + i))).toMatchObject({ reason: "wrong" });
  });

  it("locks an unknown email exactly like a known one", async () => {
    for (let i = 0; i <= accountPolicy.freeFailures; i++) await attempt("nobody@redline.test", "wrong", after(i));
    expect(await attempt("nobody@redline.test", "wrong", after(6))).toMatchObject({ reason: "throttled" });
  });

  it("locks an address that guesses across many accounts, and no other address", async () => {
    for (let i = 0; i <= addressPolicy.freeFailures; i++) await attempt(`guess${i}@redline.test`, "wrong", after(i), "198.51.100.9");
    expect(await attempt("riley@redline.test", password, after(40), "198.51.100.9")).toMatchObject({ reason: "throttled" });
    expect((await attempt("riley@redline.test", password, after(40), "203.0.113.7")).ok).toBe(true);
  });

  it("counts every one of many guesses made at once", async () => {
    await Promise.all(Array.from({ length: 8 }, () => attempt("riley@redline.test", "wrong", start)));
    // 8 failures: locked for 30 s × 2^(8 − 5 − 1); had one been lost, 60 s.
    expect(await attempt("riley@redline.test", password, after(1))).toEqual({ ok: false, reason: "throttled", retryAfterSec: 119 });
  });

  it("refuses every password while single sign-on is required, before any hash or throttle count", async () => {
    await writeAppSetting(database.db, "require_sso", true, null);
    for (let i = 0; i <= accountPolicy.freeFailures + 1; i++) {
      expect(await attempt("riley@redline.test", i % 2 ? password : "wrong", after(i), "203.0.113.7", true)).toEqual({ ok: false, reason: "sso_required" });
    }
    expect(await attempt("nobody@redline.test", "wrong", after(10), "203.0.113.7", true)).toEqual({ ok: false, reason: "sso_required" });
    expect(hashes).toBe(0);

    // Nothing was counted: with the requirement lifted, the right password works at once.
    await writeAppSetting(database.db, "require_sso", false, null);
    expect((await attempt("riley@redline.test", password, after(11), "203.0.113.7", true)).ok).toBe(true);
  });

  it("ignores the requirement while single sign-on is not configured, so an operator can always get back in", async () => {
    await writeAppSetting(database.db, "require_sso", true, null);
    expect((await attempt("riley@redline.test", password, start, "203.0.113.7", false)).ok).toBe(true);
    expect(hashes).toBe(1);
  });
});
