import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../open-database";
import { accountLinks, users, type AccountLink, type User } from "../schema";

export async function insertAccountLink(db: Db, link: Omit<typeof accountLinks.$inferInsert, "id">): Promise<AccountLink> {
  const [row] = await db.insert(accountLinks).values(link).returning();
  return row!;
}

/** The unused, unexpired link with this token hash, and its account. */
export async function findUsableLink(db: Db, tokenHash: string, now: Date): Promise<{ link: AccountLink; user: User } | null> {
  const [row] = await db
    .select({ link: accountLinks, user: users })
    .from(accountLinks)
    .innerJoin(users, eq(users.id, accountLinks.userId))
    .where(and(eq(accountLinks.tokenHash, tokenHash), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Spends the link: true for exactly one caller, however many submit it at once. */
export async function spendLink(db: Db, id: number, now: Date): Promise<boolean> {
  const spent = await db.update(accountLinks).set({ usedAt: now }).where(and(eq(accountLinks.id, id), isNull(accountLinks.usedAt))).returning({ id: accountLinks.id });
  return spent.length === 1;
}

/** Every link of the account that could still be used is made useless (a new one was made, or the account deactivated). */
export async function voidLinksOf(db: Db, userId: string, now: Date): Promise<void> {
  await db.update(accountLinks).set({ expiresAt: now }).where(and(eq(accountLinks.userId, userId), isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, now)));
}

/** The open links per account (the newest), for the admin's list. */
export async function openLinks(db: Db, now: Date): Promise<Map<string, Pick<AccountLink, "purpose" | "expiresAt">>> {
  const rows = await db
    .select({ userId: accountLinks.userId, purpose: accountLinks.purpose, expiresAt: accountLinks.expiresAt })
    .from(accountLinks)
    .where(and(isNull(accountLinks.usedAt), gt(accountLinks.expiresAt, now)))
    .orderBy(accountLinks.createdAt);
  return new Map(rows.map((row) => [row.userId, { purpose: row.purpose, expiresAt: row.expiresAt }]));
}
