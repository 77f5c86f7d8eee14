import type { Db } from "@/lib/db/open-database";
import { upsertUser } from "@/lib/db/queries/users";
import { hashPassword } from "./password";
import type { Role } from "./roles";

export const demoPassword = "redline-demo";

export const demoAccounts: readonly { email: string; name: string; role: Role }[] = [
  { email: "viewer@redline.test", name: "Val Viewer", role: "viewer" },
  { email: "reviewer@redline.test", name: "Riley Reviewer", role: "reviewer" },
  { email: "reviewer2@redline.test", name: "Rowan Reviewer", role: "reviewer" },
  { email: "lead@redline.test", name: "Dana Lead", role: "lead" },
  { email: "admin@redline.test", name: "Ari Admin", role: "admin" },
];

/** One account of each role, for the demo and the browser tests. Safe to run again. */
export async function seedDemoAccounts(db: Db): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  for (const account of demoAccounts) await upsertUser(db, { ...account, passwordHash });
}
