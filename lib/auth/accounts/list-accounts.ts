import "server-only";
import type { Db } from "@/lib/db/open-database";
import { openLinks } from "@/lib/db/queries/account-links";
import { sessionActivity } from "@/lib/db/queries/sessions";
import { listUsers } from "@/lib/db/queries/users";
import type { Role } from "../roles";

export type AccountSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** "invited": no password and no SSO sign-in yet. */
  status: "active" | "invited" | "deactivated";
  signsInWith: { password: boolean; sso: boolean };
  liveSessions: number;
  lastSeenAt: string | null;
  openLink: { purpose: "invite" | "reset"; expiresAt: string } | null;
};

export async function listAccounts(db: Db): Promise<AccountSummary[]> {
  const now = new Date();
  const [users, activity, links] = await Promise.all([listUsers(db), sessionActivity(db, now), openLinks(db, now)]);
  return users.map((user) => {
    const seen = activity.get(user.id);
    const link = links.get(user.id);
    const signsInWith = { password: Boolean(user.passwordHash), sso: Boolean(user.oidcSubject) };
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      status: user.deactivatedAt ? "deactivated" : signsInWith.password || signsInWith.sso ? "active" : "invited",
      signsInWith,
      liveSessions: seen?.live ?? 0,
      lastSeenAt: seen?.lastSeenAt?.toISOString() ?? null,
      openLink: link ? { purpose: link.purpose, expiresAt: link.expiresAt.toISOString() } : null,
    };
  });
}
