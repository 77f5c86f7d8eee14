import { z } from "zod";
import type { Db } from "@/lib/db/open-database";
import { findUserByEmail, findUserByOidc, insertSsoUser, linkOidcIdentity, setUserRole } from "@/lib/db/queries/users";
import type { User } from "@/lib/db/schema";
import { recordSecurityEvent } from "./security-event";
import { roles, type Role } from "./roles";

export type SsoRefusal =
  /** An admin deactivated the account: no way of signing in opens it. */
  | "deactivated"
  /** A new identity without an email: Redline cannot name the account or link it. */
  | "no_email"
  /** The email belongs to an account, but the identity provider does not vouch for it. */
  | "unverified_email"
  /** The email's account is already tied to another identity at the identity provider. */
  | "linked_elsewhere";

export type SsoProvisioning =
  | { ok: true; user: User; outcome: "signed_in" | "linked" | "created" }
  | { ok: false; reason: SsoRefusal };

const claimsSchema = z.looseObject({
  sub: z.string().min(1),
  email: z.email().max(320).optional().catch(undefined),
  // Some providers send the flag as a string.
  email_verified: z.union([z.boolean(), z.literal("true").transform(() => true)]).optional().catch(undefined),
  name: z.string().trim().min(1).max(200).optional().catch(undefined),
  preferred_username: z.string().trim().min(1).max(200).optional().catch(undefined),
});

/**
 * The highest role a claim names, as one role name or a list (a provider's groups); null when it names none.
 * Case is ignored: "Admin" and "admin" are the same role.
 */
export function roleFromClaim(value: unknown): Role | null {
  const names = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string").map((item) => item.toLowerCase());
  return [...roles].reverse().find((role) => names.includes(role)) ?? null;
}

/**
 * Who an identity provider's user is in Redline, at each single sign-on: the account linked to the issuer and
 * subject; else an account with the same email, linked now only if the provider says the email is verified
 * (a provider that lets people type any email would otherwise hand them whatever account has it); else a new
 * account. With a role claim configured the provider decides the role at every sign-in; without one a new
 * account is a viewer and admins change roles in Redline.
 */
export async function provisionSsoUser(
  db: Db,
  input: { issuer: string; claims: Record<string, unknown>; roleClaim?: string | null },
  attempt = 0,
): Promise<SsoProvisioning> {
  const claims = claimsSchema.parse(input.claims);
  const { issuer } = input;
  const subject = claims.sub;
  // A configured claim that names no role of Redline's means the provider gives this user none: the lowest.
  const claimedRole = input.roleClaim ? (roleFromClaim(input.claims[input.roleClaim]) ?? "viewer") : null;
  const refuse = async (reason: SsoRefusal, user?: User): Promise<SsoProvisioning> => {
    await recordSecurityEvent(db, { event: "sso_refused", subjectId: user?.id, email: claims.email ?? null, detail: { reason, issuer, subject } });
    return { ok: false, reason };
  };

  const known = await findUserByOidc(db, issuer, subject);
  if (known) {
    if (known.deactivatedAt) return refuse("deactivated", known);
    return { ok: true, user: await applyClaimedRole(db, known, claimedRole), outcome: "signed_in" };
  }

  if (!claims.email) return refuse("no_email");
  const existing = await findUserByEmail(db, claims.email);
  if (existing) {
    if (existing.oidcSubject) return refuse("linked_elsewhere", existing);
    if (claims.email_verified !== true) return refuse("unverified_email", existing);
    if (existing.deactivatedAt) return refuse("deactivated", existing);
    const linked = await linkOidcIdentity(db, existing.id, { issuer, subject });
    await recordSecurityEvent(db, { event: "sso_linked", actorId: linked.id, subjectId: linked.id, email: linked.email, detail: { issuer, subject } });
    return { ok: true, user: await applyClaimedRole(db, linked, claimedRole), outcome: "linked" };
  }

  const role = claimedRole ?? "viewer";
  const name = claims.name ?? claims.preferred_username ?? claims.email;
  const created = await insertSsoUser(db, { email: claims.email, name, role, issuer, subject });
  // Another sign-in of the same person (or of someone with the same email) got there first: decide again.
  if (!created) {
    if (attempt > 0) throw new Error("single sign-on could not create or find the account");
    return provisionSsoUser(db, input, attempt + 1);
  }
  await recordSecurityEvent(db, { event: "sso_provisioned", actorId: created.id, subjectId: created.id, email: created.email, detail: { issuer, subject, role } });
  return { ok: true, user: created, outcome: "created" };
}

/** The identity provider is the source of truth for roles when a role claim is configured. */
async function applyClaimedRole(db: Db, user: User, role: Role | null): Promise<User> {
  if (!role || role === user.role) return user;
  const updated = await setUserRole(db, user.id, role);
  await recordSecurityEvent(db, { event: "role_changed", subjectId: user.id, email: user.email, detail: { from: user.role, to: role, by: "sso_claim" } });
  return updated;
}
