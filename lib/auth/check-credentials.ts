import type { Db } from "@/lib/db/open-database";
import { clearFailures, lockedUntil, recordFailure, type ThrottlePolicy } from "@/lib/db/queries/sign-in-throttle";
import type { User } from "@/lib/db/schema";
import { findUserByEmail } from "@/lib/db/queries/users";
import { recordSecurityEvent } from "./security-event";
import { hashPassword, verifyPassword } from "./password";
import { ssoConfig } from "./sso-config";
import { ssoRequired } from "./sso-requirement";

/** Five free guesses per account in a quarter of an hour, then 30 s, doubling, at most 15 minutes. */
export const accountPolicy: ThrottlePolicy = { freeFailures: 5, windowMs: 15 * 60_000, firstLockMs: 30_000, maxLockMs: 15 * 60_000 };
/** An address may mistype across a whole office's accounts, but not guess through them. */
export const addressPolicy: ThrottlePolicy = { freeFailures: 30, windowMs: 15 * 60_000, firstLockMs: 30_000, maxLockMs: 15 * 60_000 };

export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; reason: "wrong" }
  /** The right password for an account an admin has deactivated. */
  | { ok: false; reason: "deactivated" }
  /** An admin requires single sign-on: no password is checked for any account. */
  | { ok: false; reason: "sso_required" }
  | { ok: false; reason: "throttled"; retryAfterSec: number };

let decoy: Promise<string> | undefined;
/** A hash to check unknown accounts against, so they cost one scrypt like known ones and answer as slowly. */
const decoyHash = () => (decoy ??= hashPassword("no account has this password"));

/**
 * The password check behind every way of signing in with a password (the form and Auth.js's own endpoint):
 * throttled per account and per client address before any hash is computed, and exactly one hash computed
 * otherwise, whether or not the account exists, so neither timing nor message tells which emails have one.
 * When single sign-on is required, every password is refused before either.
 */
export async function checkCredentials(
  db: Db,
  input: { email: string; password: string; address: string | null },
  options: { now?: Date; verify?: (password: string, stored: string) => Promise<boolean>; ssoConfigured?: boolean } = {},
): Promise<CredentialCheck> {
  if (await ssoRequired(db, options.ssoConfigured ?? ssoConfig() !== null)) {
    await recordSecurityEvent(db, { event: "sign_in_failed", email: input.email, address: input.address, detail: { reason: "sso_required" } });
    return { ok: false, reason: "sso_required" };
  }
  const now = options.now ?? new Date();
  const verify = options.verify ?? verifyPassword;
  const accountKey = `account:${input.email.toLowerCase()}`;
  const keys = input.address ? [accountKey, `address:${input.address}`] : [accountKey];
  const locked = await lockedUntil(db, keys, now);
  if (locked) {
    await recordSecurityEvent(db, { event: "sign_in_throttled", email: input.email, address: input.address, detail: { until: locked.toISOString() } });
    return { ok: false, reason: "throttled", retryAfterSec: Math.ceil((locked.getTime() - now.getTime()) / 1000) };
  }
  const user = await findUserByEmail(db, input.email);
  const matches = await verify(input.password, user?.passwordHash ?? (await decoyHash()));
  if (user?.passwordHash && matches) {
    await clearFailures(db, accountKey);
    if (user.deactivatedAt) {
      await recordSecurityEvent(db, { event: "sign_in_failed", subjectId: user.id, email: input.email, address: input.address, detail: { reason: "deactivated" } });
      return { ok: false, reason: "deactivated" };
    }
    return { ok: true, user };
  }
  await recordFailure(db, accountKey, accountPolicy, now);
  if (input.address) await recordFailure(db, `address:${input.address}`, addressPolicy, now);
  await recordSecurityEvent(db, { event: "sign_in_failed", subjectId: user?.id, email: input.email, address: input.address, detail: { reason: "wrong_password" } });
  return { ok: false, reason: "wrong" };
}
