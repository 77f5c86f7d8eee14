import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/open-database";
import { listSecurityEvents } from "@/lib/db/queries/security-events";
import { upsertUser } from "@/lib/db/queries/users";
import { openTestDatabase } from "../support/test-database";

// The account actions are called as the browser calls them; only the session (who is signed in, and when
// they last proved it) and the process-wide database are stood in for.
const context = vi.hoisted(() => ({
  userId: null as string | null,
  authenticatedAt: new Date(),
  method: "password" as "password" | "sso",
  database: undefined as Database | undefined,
}));
vi.mock("@/lib/auth/session-user-id", () => ({
  sessionUserId: async () => context.userId,
  activeSession: async () =>
    context.userId ? { userId: context.userId, sessionId: "test-session", method: context.method, authenticatedAt: context.authenticatedAt } : null,
}));
vi.mock("@/lib/db/database", () => ({ getDatabase: async () => context.database }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "redline.test:3000", "x-forwarded-for": "198.51.100.4" }) }));

const { changeRoleAction, confirmIdentityAction, inviteAccountAction, resetPasswordAction, setAccountActiveAction } = await import("@/app/(desk)/settings/accounts/actions");

const roles: Role[] = ["viewer", "reviewer", "lead", "admin"];
const password = "correct horse battery staple";
const users = {} as Record<Role, string>;
let target = "";

type Result = { ok: boolean; error?: { code: string } };
const entries: Array<{ name: string; call: () => Promise<Result> }> = [
  { name: "invite", call: () => inviteAccountAction({ email: `someone.${crypto.randomUUID()}@redline.test`, name: "Someone", role: "viewer" }) },
  { name: "reset password", call: () => resetPasswordAction({ userId: target }) },
  { name: "change role", call: () => changeRoleAction({ userId: target, role: "lead" }) },
  { name: "deactivate", call: () => setAccountActiveAction({ userId: target, active: false }) },
  { name: "reactivate", call: () => setAccountActiveAction({ userId: target, active: true }) },
];

describe("account actions", () => {
  beforeAll(async () => {
    context.database = await openTestDatabase("pglite");
    const passwordHash = await hashPassword(password);
    for (const role of roles) users[role] = (await upsertUser(context.database.db, { email: `${role}@redline.test`, name: `${role} user`, role, passwordHash })).id;
    target = (await upsertUser(context.database.db, { email: "target@redline.test", name: "Target", role: "reviewer" })).id;
  });
  afterAll(async () => {
    await context.database?.close();
  });
  beforeEach(() => {
    context.authenticatedAt = new Date();
    context.method = "password";
  });

  it.each(entries)("$name refuses a signed-out request", async (entry) => {
    context.userId = null;
    expect(await entry.call()).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  });

  it.each(entries.flatMap((entry) => roles.map((role) => ({ ...entry, role }))))("$name as $role", async (entry) => {
    context.userId = users[entry.role];
    const result = await entry.call();
    if (entry.role === "admin") expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("asks an admin who last proved who they are over 15 minutes ago for the password, then does the change", async () => {
    context.userId = users.admin;
    context.authenticatedAt = new Date(Date.now() - 16 * 60_000);
    expect(await changeRoleAction({ userId: target, role: "viewer" })).toMatchObject({ ok: false, error: { code: "reauthenticate", method: "password" } });
    expect((await listSecurityEvents(context.database!.db, { events: ["role_changed"], subjectId: target, limit: 10 })).some((event) => event.detail?.to === "viewer")).toBe(false);

    expect(await confirmIdentityAction({ password: "not it" })).toMatchObject({ ok: false, error: { code: "wrong_password" } });
    expect(await confirmIdentityAction({ password })).toEqual({ ok: true });
  });

  it("tells an SSO admin to sign in again instead of asking for a password", async () => {
    context.userId = users.admin;
    context.method = "sso";
    context.authenticatedAt = new Date(Date.now() - 60 * 60_000);
    expect(await inviteAccountAction({ email: "sso.case@redline.test", name: "Case", role: "viewer" })).toMatchObject({ ok: false, error: { code: "reauthenticate", method: "sso" } });
    expect(await confirmIdentityAction({ password })).toMatchObject({ ok: false, error: { code: "sso" } });
  });

  it("the password check is refused to other roles", async () => {
    for (const role of ["viewer", "reviewer", "lead"] as const) {
      context.userId = users[role];
      expect(await confirmIdentityAction({ password })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
  });

  it("makes links on the address the request came in on, and refuses malformed input", async () => {
    context.userId = users.admin;
    const result = await resetPasswordAction({ userId: target });
    expect(result).toMatchObject({ ok: true, link: { url: expect.stringMatching(/^http:\/\/redline\.test:3000\/password\//) } });
    expect(await inviteAccountAction({ email: "not an email", name: "x", role: "viewer" })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(await changeRoleAction({ userId: target, role: "owner" })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });
});
