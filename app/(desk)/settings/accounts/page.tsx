import type { Metadata } from "next";
import { RefusedPage } from "@/components/ui/refused-page";
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
  if (!check.ok) return <RefusedPage title="Accounts" error={check.error} />;
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
