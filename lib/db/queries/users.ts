import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../open-database";
import { users, type NewUser, type User } from "../schema";

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** Creates the account or updates its name, role and password: seeding twice gives the same accounts. */
export async function upsertUser(db: Db, user: NewUser): Promise<User> {
  const values = { ...user, email: user.email.toLowerCase() };
  const [row] = await db
    .insert(users)
    .values(values)
    .onConflictDoUpdate({
      target: users.email,
      set: { name: values.name, role: values.role, passwordHash: values.passwordHash },
    })
    .returning();
  return row!;
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.name), asc(users.email));
}

/** A new account with no password yet (it sets one through its invitation); null when the email has one already. */
export async function insertInvitedUser(db: Db, user: { email: string; name: string; role: User["role"] }): Promise<User | null> {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase() })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return row ?? null;
}

export async function updateUser(db: Db, id: string, change: Partial<Pick<User, "role" | "deactivatedAt" | "passwordHash" | "passwordChangedAt" | "name">>): Promise<User | undefined> {
  const [row] = await db.update(users).set(change).where(eq(users.id, id)).returning();
  return row;
}

/** Admins who can still sign in, locking their rows: two admins demoting each other at once cannot leave none. */
export async function lockActiveAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .for("update");
  return rows.map((row) => row.id);
}

/** The account an identity provider's user signs in as: the issuer and its subject, never the email. */
export async function findUserByOidc(db: Db, issuer: string, subject: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)))
    .limit(1);
  return user;
}

/** Ties an account to an identity provider's user, optionally with the role the provider gave it. */
export async function linkOidcIdentity(db: Db, id: string, identity: { issuer: string; subject: string; role?: User["role"] }): Promise<User> {
  const [row] = await db
    .update(users)
    .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, ...(identity.role ? { role: identity.role } : {}) })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

/** A new account with no password, or undefined when another sign-in created it (or took its email) first. */
export async function insertSsoUser(db: Db, user: { email: string; name: string; role: User["role"]; issuer: string; subject: string }): Promise<User | undefined> {
  const [row] = await db
    .insert(users)
    .values({ email: user.email.toLowerCase(), name: user.name, role: user.role, oidcIssuer: user.issuer, oidcSubject: user.subject })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function setUserRole(db: Db, id: string, role: User["role"]): Promise<User> {
  const [row] = await db.update(users).set({ role }).where(eq(users.id, id)).returning();
  return row!;
}
