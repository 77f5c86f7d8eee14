import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountsManager } from "@/components/accounts/accounts-manager";
import { SettingsNav } from "@/components/accounts/settings-nav";
import { listAccounts } from "@/lib/auth/accounts/list-accounts";
import { requireRole } from "@/lib/auth/require-role";
import { ssoConfig } from "@/lib/auth/sso-config";
import { signInWithSsoAction } from "@/app/login/actions";
import { getDatabase } from "@/lib/db/database";
import { changeRoleAction, confirmIdentityAction, inviteAccountAction, resetPasswordAction, setAccountActiveAction } from "./actions";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  const check = await requireRole("admin");
  if (!check.ok) {
    if (check.error.code === "unauthenticated") redirect("/login");
    return (
      <main className="page">
        <h1>Accounts</h1>
        <p role="alert">{check.error.message}</p>
      </main>
    );
  }
  const accounts = await listAccounts((await getDatabase()).db);
  return (
    <main className="page">
      <h1>Accounts</h1>
      <SettingsNav current="accounts" />
      <AccountsManager
        accounts={accounts}
        actorId={check.actor.id}
        actions={{
          invite: inviteAccountAction,
          resetPassword: resetPasswordAction,
          changeRole: changeRoleAction,
          setActive: setAccountActiveAction,
          confirmIdentity: confirmIdentityAction,
          ssoSignIn: ssoConfig() ? signInWithSsoAction : undefined,
        }}
      />
    </main>
  );
}
