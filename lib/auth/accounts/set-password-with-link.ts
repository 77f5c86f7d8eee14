import "server-only";
import type { Db } from "@/lib/db/open-database";
import { findUsableLink, spendLink } from "@/lib/db/queries/account-links";
import { endSessionsOf } from "@/lib/db/queries/sessions";
import { updateUser } from "@/lib/db/queries/users";
import { hashPassword } from "../password";
import { checkNewPassword } from "../password-policy";
import { recordSecurityEvent } from "../security-event";
import { hashLinkToken } from "./make-account-link";

export type SetPasswordResult =
  | { ok: true; email: string }
  | { ok: false; error: { code: "link_unusable" | "weak_password" | "mismatch"; message: string } };

export const unusableLinkMessage = "This link has been used, has expired, or was replaced by a newer one. Ask an admin of your team for a new link.";

/**
 * Sets the password of the account a one-time link names, and spends the link: of two submissions at once,
 * exactly one sets it. The account's other sessions end, since whoever held the old password may have one.
 */
export async function setPasswordWithLink(db: Db, input: { token: string; password: string; repeated: string }): Promise<SetPasswordResult> {
  const now = new Date();
  const found = await findUsableLink(db, hashLinkToken(input.token), now);
  if (!found || found.user.deactivatedAt) return { ok: false, error: { code: "link_unusable", message: unusableLinkMessage } };
  if (input.password !== input.repeated) return { ok: false, error: { code: "mismatch", message: "The two passwords differ. Type the same one twice." } };
  const verdict = checkNewPassword(input.password, [found.user.email, found.user.name]);
  if (!verdict.ok) return { ok: false, error: { code: "weak_password", message: verdict.message } };
  // Hashed before the transaction: a slow hash must not hold the link's row.
  const passwordHash = await hashPassword(input.password);
  const spent = await db.transaction(async (tx) => {
    if (!(await spendLink(tx, found.link.id, now))) return false;
    await updateUser(tx, found.user.id, { passwordHash, passwordChangedAt: now });
    await endSessionsOf(tx, found.user.id, "password_changed", { now });
    return true;
  });
  if (!spent) return { ok: false, error: { code: "link_unusable", message: unusableLinkMessage } };
  await recordSecurityEvent(db, { event: "password_set", subjectId: found.user.id, email: found.user.email, detail: { via: found.link.purpose } });
  return { ok: true, email: found.user.email };
}
