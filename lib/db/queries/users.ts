import { eq } from "drizzle-orm";
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
