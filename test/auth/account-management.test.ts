import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeRole } from "@/lib/auth/accounts/change-role";
import { findAccountLink } from "@/lib/auth/accounts/find-account-link";
import { inviteAccount } from "@/lib/auth/accounts/invite-account";
import { issuePasswordReset } from "@/lib/auth/accounts/issue-password-reset";
import { listAccounts } from "@/lib/auth/accounts/list-accounts";
import { setAccountActive } from "@/lib/auth/accounts/set-account-active";
import { setPasswordWithLink } from "@/lib/auth/accounts/set-password-with-link";
import { checkCredentials } from "@/lib/auth/check-credentials";
import type { Actor } from "@/lib/auth/require-role";
import { listSecurityEvents } from "@/lib/db/queries/security-events";
import { checkSession, startSession } from "@/lib/db/queries/sessions";
import { findUserByEmail } from "@/lib/db/queries/users";
import { createActor } from "../support/review-fixture";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const drivers = await testDrivers();
const origin = "https://redline.example.com";
const goodPassword = "blue kettle under the stairs";
const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;
const signIn = (database: TestDatabase, email: string, password: string) => checkCredentials(database.db, { email, password, address: null });

describe.each(drivers)("managing accounts (%s)", (driver) => {
  let database: TestDatabase;
  let admin: Actor;

  beforeEach(async () => {
    database = await openTestDatabase(driver);
    admin = await createActor(database, "admin", "Ari Admin");
  });
  afterEach(async () => {
    await database?.close();
  });

  const invite = async (email = "new.person@redline.test", role: Actor["role"] = "reviewer") => {
    const result = await inviteAccount(database.db, admin, { email, name: "New Person", role }, origin);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };
  const events = async (event: string) => listSecurityEvents(database.db, { events: [event], limit: 50 });

  it("invites with a one-time link that sets the password, after which the account signs in", async () => {
    const { link, userId } = await invite("New.Person@Redline.test", "lead");
    expect(link.url).toMatch(/^https:\/\/redline\.example\.com\/password\/[\w-]{43}$/);
    expect((await listAccounts(database.db)).find((account) => account.id === userId)).toMatchObject({ status: "invited", role: "lead", openLink: { purpose: "invite" } });
    // Nothing signs in before the password is set.
    expect(await signIn(database, "new.person@redline.test", goodPassword)).toEqual({ ok: false, reason: "wrong" });
    expect(await findAccountLink(database.db, tokenOf(link.url))).toMatchObject({ email: "new.person@redline.test", purpose: "invite" });

    const token = tokenOf(link.url);
    expect(await setPasswordWithLink(database.db, { token, password: goodPassword, repeated: goodPassword })).toEqual({ ok: true, email: "new.person@redline.test" });
    expect(await signIn(database, "new.person@redline.test", goodPassword)).toMatchObject({ ok: true, user: { role: "lead" } });
    expect((await listAccounts(database.db)).find((account) => account.id === userId)).toMatchObject({ status: "active", openLink: null, signsInWith: { password: true, sso: false } });

    // The link is spent.
    expect(await findAccountLink(database.db, token)).toBeNull();
    expect(await setPasswordWithLink(database.db, { token, password: "another fine long password", repeated: "another fine long password" })).toMatchObject({ ok: false, error: { code: "link_unusable" } });
    expect(await signIn(database, "new.person@redline.test", goodPassword)).toMatchObject({ ok: true });
    expect(await events("account_invited")).toMatchObject([{ actorId: admin.id, subjectId: userId, detail: { role: "lead" } }]);
    expect(await events("password_set")).toMatchObject([{ subjectId: userId, detail: { via: "invite" } }]);
  });

  it("refuses a second invitation for an email that has an account", async () => {
    await invite();
    expect(await inviteAccount(database.db, admin, { email: "new.person@redline.test", name: "Again", role: "admin" }, origin)).toMatchObject({ ok: false, error: { code: "exists" } });
    expect((await findUserByEmail(database.db, "new.person@redline.test"))?.role).toBe("reviewer");
  });

  it("of two submissions of one link at once, exactly one sets the password", async () => {
    const token = tokenOf((await invite()).link.url);
    const results = await Promise.all(
      ["first password that is long", "second password that is long"].map((password) => setPasswordWithLink(database.db, { token, password, repeated: password })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? "first password that is long" : "second password that is long";
    const loser = results[0]!.ok ? "second password that is long" : "first password that is long";
    expect(await signIn(database, "new.person@redline.test", winner)).toMatchObject({ ok: true });
    expect((await signIn(database, "new.person@redline.test", loser)).ok).toBe(false);
  });

  it("refuses short, leaked and mismatched passwords, and keeps the link usable", async () => {
    const token = tokenOf((await invite()).link.url);
    for (const [password, repeated, code] of [
      ["short one", "short one", "weak_password"],
      ["password12345678", "password12345678", "weak_password"],
      ["qwertyuiopasdfghjkl", "qwertyuiopasdfghjkl", "weak_password"],
      [goodPassword, `${goodPassword}!`, "mismatch"],
    ] as const) {
      expect(await setPasswordWithLink(database.db, { token, password, repeated })).toMatchObject({ ok: false, error: { code } });
    }
    expect(await setPasswordWithLink(database.db, { token, password: goodPassword, repeated: goodPassword })).toMatchObject({ ok: true });
  });

  it("refuses an expired link, and a link replaced by a newer one", async () => {
    const { userId, link } = await invite();
    const reset = await issuePasswordReset(database.db, admin, userId, origin);
    if (!reset.ok) throw new Error("reset refused");
    expect(await setPasswordWithLink(database.db, { token: tokenOf(link.url), password: goodPassword, repeated: goodPassword })).toMatchObject({ ok: false, error: { code: "link_unusable" } });
    await database.db.execute("update account_links set expires_at = now() - interval '1 second'");
    expect(await setPasswordWithLink(database.db, { token: tokenOf(reset.link.url), password: goodPassword, repeated: goodPassword })).toMatchObject({ ok: false, error: { code: "link_unusable" } });
    expect(await findAccountLink(database.db, "not-a-token-anyone-made-0000000000")).toBeNull();
  });

  it("a password reset keeps the old password until the new one is set, then ends every session of the account", async () => {
    const { userId, link } = await invite();
    await setPasswordWithLink(database.db, { token: tokenOf(link.url), password: goodPassword, repeated: goodPassword });
    const expiresAt = new Date(Date.now() + 3_600_000);
    await startSession(database.db, { id: "session-a", userId, method: "password", expiresAt });
    const reset = await issuePasswordReset(database.db, admin, userId, origin);
    if (!reset.ok) throw new Error("reset refused");
    expect(await signIn(database, "new.person@redline.test", goodPassword)).toMatchObject({ ok: true });
    expect((await checkSession(database.db, "session-a", { idleMs: 3_600_000 })).ok).toBe(true);

    const newPassword = "a different kettle entirely";
    expect(await setPasswordWithLink(database.db, { token: tokenOf(reset.link.url), password: newPassword, repeated: newPassword })).toMatchObject({ ok: true });
    expect(await checkSession(database.db, "session-a", { idleMs: 3_600_000 })).toEqual({ ok: false, reason: "password_changed" });
    expect((await signIn(database, "new.person@redline.test", goodPassword)).ok).toBe(false);
    expect(await signIn(database, "new.person@redline.test", newPassword)).toMatchObject({ ok: true });
  });

  it("deactivating ends every session at once, refuses the right password and voids open links; reactivating lets it sign in", async () => {
    const { userId, link } = await invite();
    await setPasswordWithLink(database.db, { token: tokenOf(link.url), password: goodPassword, repeated: goodPassword });
    const expiresAt = new Date(Date.now() + 3_600_000);
    for (const id of ["laptop", "phone"]) await startSession(database.db, { id, userId, method: "password", expiresAt });
    const reset = await issuePasswordReset(database.db, admin, userId, origin);
    if (!reset.ok) throw new Error("reset refused");

    expect(await setAccountActive(database.db, admin, { userId, active: false })).toEqual({ ok: true, active: false, sessionsEnded: 2 });
    for (const id of ["laptop", "phone"]) expect(await checkSession(database.db, id, { idleMs: 3_600_000 })).toEqual({ ok: false, reason: "deactivated" });
    expect(await signIn(database, "new.person@redline.test", goodPassword)).toEqual({ ok: false, reason: "deactivated" });
    expect(await setPasswordWithLink(database.db, { token: tokenOf(reset.link.url), password: "another fine long password", repeated: "another fine long password" })).toMatchObject({
      ok: false,
      error: { code: "link_unusable" },
    });
    expect(await issuePasswordReset(database.db, admin, userId, origin)).toMatchObject({ ok: false, error: { code: "deactivated" } });
    expect(await events("account_deactivated")).toMatchObject([{ actorId: admin.id, subjectId: userId, detail: { sessionsEnded: 2 } }]);

    expect(await setAccountActive(database.db, admin, { userId, active: true })).toMatchObject({ ok: true, active: true });
    expect(await signIn(database, "new.person@redline.test", goodPassword)).toMatchObject({ ok: true });
    // Sessions ended by deactivation stay ended.
    expect((await checkSession(database.db, "laptop", { idleMs: 3_600_000 })).ok).toBe(false);
  });

  it("changes roles, audited, but never leaves the team without an active admin", async () => {
    const { userId } = await invite();
    expect(await changeRole(database.db, admin, { userId, role: "lead" })).toEqual({ ok: true, role: "lead" });
    expect(await events("role_changed")).toMatchObject([{ actorId: admin.id, subjectId: userId, detail: { from: "reviewer", to: "lead" } }]);

    expect(await changeRole(database.db, admin, { userId: admin.id, role: "lead" })).toMatchObject({ ok: false, error: { code: "last_admin" } });
    expect(await setAccountActive(database.db, admin, { userId: admin.id, active: false })).toMatchObject({ ok: false, error: { code: "yourself" } });
    expect(await changeRole(database.db, admin, { userId, role: "admin" })).toMatchObject({ ok: true });
    // Two admins demoting each other at once: one of them stays.
    const other = { ...admin, id: userId };
    const outcomes = await Promise.all([changeRole(database.db, admin, { userId, role: "viewer" }), changeRole(database.db, other, { userId: admin.id, role: "viewer" })]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect((await listAccounts(database.db)).filter((account) => account.role === "admin")).toHaveLength(1);
  });

  it("answers not found for an account that does not exist", async () => {
    expect(await changeRole(database.db, admin, { userId: "no-such-user", role: "lead" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await setAccountActive(database.db, admin, { userId: "no-such-user", active: false })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await issuePasswordReset(database.db, admin, "no-such-user", origin)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
