import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/require-role";
import { KeyboardHelp } from "@/components/ui/keyboard-help";
import { hasRole, roleLabels } from "@/lib/auth/roles";
import { ActivityHeartbeat } from "@/components/session/activity-heartbeat";
import { signOutAction, stillHereAction } from "./actions";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const check = await requireRole("viewer");
  if (!check.ok) redirect("/login");
  const { actor } = check;
  return (
    <>
      <header className="top-bar">
        <Link href="/queue" className="brand">
          Redline
        </Link>
        <nav aria-label="Main">
          <Link href="/queue">Queue</Link>
          {hasRole(actor.role, "reviewer") ? <Link href="/insights">Insights</Link> : null}
          {actor.role === "admin" ? <Link href="/settings">Settings</Link> : null}
        </nav>
        <div className="who">
          <span>
            {actor.name} <span className="badge">{roleLabels[actor.role]}</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="button ghost">
              Sign out
            </button>
          </form>
        </div>
      </header>
      {children}
      <KeyboardHelp />
      <ActivityHeartbeat report={stillHereAction} />
    </>
  );
}
