import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/open-database";
import { insertAccountLink, voidLinksOf } from "@/lib/db/queries/account-links";
import { logger } from "@/lib/logger";

export type AccountLinkPurpose = "invite" | "reset";

/** An invitation waits a week for its person; a reset link is for someone at their desk now. */
const lifetimeMs: Record<AccountLinkPurpose, number> = { invite: 7 * 24 * 60 * 60_000, reset: 24 * 60 * 60_000 };

export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type AccountLinkShown = { url: string; expiresAt: Date };

/**
 * A one-time link to set the account's password, replacing any earlier one. The token is 256 random bits and
 * only its hash is stored. Redline sends no mail: the link is shown to the admin who made it, and logged for
 * an operator who has no other way to pass it on.
 */
export async function makeAccountLink(
  db: Db,
  request: { userId: string; email: string; purpose: AccountLinkPurpose; createdBy: string; origin: string; now?: Date },
): Promise<AccountLinkShown> {
  const now = request.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + lifetimeMs[request.purpose]);
  await voidLinksOf(db, request.userId, now);
  await insertAccountLink(db, { userId: request.userId, purpose: request.purpose, tokenHash: hashLinkToken(token), createdBy: request.createdBy, createdAt: now, expiresAt });
  const url = new URL(`/password/${token}`, request.origin).toString();
  logger.info({ event: "account_link", purpose: request.purpose, email: request.email, url, expiresAt: expiresAt.toISOString() }, "one-time password link made; pass it to its person");
  return { url, expiresAt };
}
