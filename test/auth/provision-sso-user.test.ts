import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { provisionSsoUser, roleFromClaim } from "@/lib/auth/provision-sso-user";
import { findUserByEmail, upsertUser } from "@/lib/db/queries/users";
import { listSecurityEvents } from "@/lib/db/queries/security-events";
import { users } from "@/lib/db/schema";
import { openTestDatabase, testDrivers, type TestDatabase } from "../support/test-database";

const drivers = await testDrivers();
const issuer = "https://idp.example.com";

const claimsOf = (sub: string, extra: Record<string, unknown> = {}) => ({
  sub,
  email: `${sub}@example.com`,
  email_verified: true,
  name: `Person ${sub}`,
  ...extra,
});

describe("a role from the identity provider's claim", () => {
  it("is the highest role a name or a list of names holds, and none for anything else", () => {
    expect(roleFromClaim("lead")).toBe("lead");
    expect(roleFromClaim("Admin")).toBe("admin");
    expect(roleFromClaim(["reviewer", "everyone", "lead"])).toBe("lead");
    expect(roleFromClaim(["everyone"])).toBeNull();
    expect(roleFromClaim(42)).toBeNull();
    expect(roleFromClaim(undefined)).toBeNull();
  });
});

describe.each(drivers)("provisioning a single sign-on user (%s)", (driver) => {
  let database: TestDatabase;
  const provision = (claims: Record<string, unknown>, roleClaim: string | null = null) =>
    provisionSsoUser(database.db, { issuer, claims, roleClaim });
  const events = async (event: string) => listSecurityEvents(database.db, { events: [event], limit: 50 });

  beforeEach(async () => {
    database = await openTestDatabase(driver);
  });

  afterEach(async () => {
    await database?.close();
  });

  it("creates a viewer with no password at the first sign-in, and finds the same account by subject after", async () => {
    const first = await provision(claimsOf("ana"));
    expect(first).toMatchObject({ ok: true, outcome: "created", user: { email: "ana@example.com", name: "Person ana", role: "viewer", passwordHash: null } });
    expect(await events("sso_provisioned")).toHaveLength(1);

    // The email changed at the provider: the subject still names the same account.
    const again = await provision(claimsOf("ana", { email: "ana.new@example.com" }));
    expect(again).toMatchObject({ ok: true, outcome: "signed_in" });
    expect(again.ok && first.ok && again.user.id === first.user.id).toBe(true);
  });

  it("names a new account from preferred_username, else the email", async () => {
    expect(await provision({ sub: "b", email: "b@example.com", preferred_username: "bee" })).toMatchObject({ ok: true, user: { name: "bee" } });
    expect(await provision({ sub: "c", email: "c@example.com" })).toMatchObject({ ok: true, user: { name: "c@example.com" } });
  });

  it("gives the role the claim names, as a string or the highest of a list", async () => {
    expect(await provision(claimsOf("lee", { redline_role: "lead" }), "redline_role")).toMatchObject({ ok: true, user: { role: "lead" } });
    expect(await provision(claimsOf("max", { groups: ["staff", "reviewer", "admin"] }), "groups")).toMatchObject({ ok: true, user: { role: "admin" } });
    expect(await provision(claimsOf("kim", { groups: ["staff"] }), "groups")).toMatchObject({ ok: true, user: { role: "viewer" } });
  });

  it("applies the claim again at every sign-in, and says so", async () => {
    await provision(claimsOf("lee", { redline_role: "admin" }), "redline_role");
    const demoted = await provision(claimsOf("lee", { redline_role: "reviewer" }), "redline_role");
    expect(demoted).toMatchObject({ ok: true, outcome: "signed_in", user: { role: "reviewer" } });
    expect((await events("role_changed")).map((event) => event.detail)).toEqual([{ from: "admin", to: "reviewer", by: "sso_claim" }]);

    // Without a configured claim, a role changed in Redline stays.
    await database.db.update(users).set({ role: "lead" }).where(eq(users.email, "lee@example.com"));
    expect(await provision(claimsOf("lee", { redline_role: "viewer" }))).toMatchObject({ ok: true, user: { role: "lead" } });
  });

  it("links an existing account by email only when the provider has verified the email", async () => {
    const existing = await upsertUser(database.db, { email: "riley@example.com", name: "Riley", role: "reviewer", passwordHash: "x" });

    expect(await provision(claimsOf("riley", { email: "Riley@example.com", email_verified: false }))).toEqual({ ok: false, reason: "unverified_email" });
    expect(await provision(claimsOf("riley", { email: "riley@example.com", email_verified: undefined }))).toEqual({ ok: false, reason: "unverified_email" });
    expect((await findUserByEmail(database.db, "riley@example.com"))?.oidcSubject).toBeNull();
    expect((await events("sso_refused")).map((event) => event.detail?.reason)).toEqual(["unverified_email", "unverified_email"]);

    const linked = await provision(claimsOf("riley", { email: "riley@example.com" }));
    expect(linked).toMatchObject({ ok: true, outcome: "linked", user: { id: existing.id, role: "reviewer", oidcIssuer: issuer, oidcSubject: "riley" } });
    // Another identity with the same email cannot take the linked account over.
    expect(await provision(claimsOf("mallory", { email: "riley@example.com" }))).toEqual({ ok: false, reason: "linked_elsewhere" });
  });

  it("refuses a deactivated account, linked or found by email", async () => {
    const first = await provision(claimsOf("gone"));
    await database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.email, "gone@example.com"));
    expect(await provision(claimsOf("gone"))).toEqual({ ok: false, reason: "deactivated" });

    await upsertUser(database.db, { email: "left@example.com", name: "Left", role: "lead" });
    await database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.email, "left@example.com"));
    expect(await provision(claimsOf("left"))).toEqual({ ok: false, reason: "deactivated" });
    expect((await findUserByEmail(database.db, "left@example.com"))?.oidcSubject).toBeNull();
    expect((await events("sso_refused")).map((event) => event.subjectId)).toContain(first.ok ? first.user.id : "");
  });

  it("refuses a new identity without an email", async () => {
    expect(await provision({ sub: "anon", name: "Anon" })).toEqual({ ok: false, reason: "no_email" });
    expect(await provision({ sub: "anon", email: "not an email" })).toEqual({ ok: false, reason: "no_email" });
  });

  it("creates one account when the same person's first sign-ins race", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => provision(claimsOf("twin"))));
    const ids = new Set(results.map((result) => (result.ok ? result.user.id : null)));
    expect(ids.size).toBe(1);
    expect(ids.has(null)).toBe(false);
  });
});
