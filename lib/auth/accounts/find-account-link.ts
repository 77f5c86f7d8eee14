import "server-only";
import type { Db } from "@/lib/db/open-database";
import { findUsableLink } from "@/lib/db/queries/account-links";
import { hashLinkToken } from "./make-account-link";

export type AccountLinkView = { email: string; name: string; purpose: "invite" | "reset"; expiresAt: Date };

/** What the password page shows for a link that can still be used; null for any other token. */
export async function findAccountLink(db: Db, token: string): Promise<AccountLinkView | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const found = await findUsableLink(db, hashLinkToken(token), new Date());
  if (!found || found.user.deactivatedAt) return null;
  return { email: found.user.email, name: found.user.name, purpose: found.link.purpose, expiresAt: found.link.expiresAt };
}
