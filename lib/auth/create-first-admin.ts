import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/open-database";
import { findUserByEmail, upsertUser } from "@/lib/db/queries/users";
import { hashPassword } from "./password";

export const firstAdminSchema = z.object({
  email: z.email("Give the admin's email address, e.g. --email lee@example.com"),
  name: z.string().trim().min(1, "Give the admin's name, e.g. --name 'Lee Park'").max(200),
});

export type FirstAdminResult =
  | { ok: true; email: string; password: string }
  | { ok: false; message: string };

/**
 * The first admin of an install, with a password made here (24 random characters, shown once) rather than
 * any default: a published password is a way in for anyone. An account that already exists is not touched.
 */
export async function createFirstAdmin(db: Db, input: z.input<typeof firstAdminSchema>): Promise<FirstAdminResult> {
  const parsed = firstAdminSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join("; ") };
  const { email, name } = parsed.data;
  if (await findUserByEmail(db, email)) return { ok: false, message: `${email} already has an account; nothing was changed.` };
  const password = randomBytes(18).toString("base64url");
  await upsertUser(db, { email, name, role: "admin", passwordHash: await hashPassword(password) });
  return { ok: true, email: email.toLowerCase(), password };
}
