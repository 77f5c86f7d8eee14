"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { AccountSummary } from "@/lib/auth/accounts/list-accounts";
import { roleLabels, roles, type Role } from "@/lib/auth/roles";
import { OneTimeLinkDialog, type ShownLink } from "./one-time-link-dialog";
import { ReauthenticateDialog } from "./reauthenticate-dialog";
import { useAdminChange, type AdminResult } from "./use-admin-change";

type LinkResult = AdminResult | { ok: true; link: { url: string; expiresAt: Date } };

export type AccountActions = {
  invite: (input: { email: string; name: string; role: Role }) => Promise<LinkResult>;
  resetPassword: (input: { userId: string }) => Promise<LinkResult>;
  changeRole: (input: { userId: string; role: Role }) => Promise<AdminResult>;
  setActive: (input: { userId: string; active: boolean }) => Promise<AdminResult | { ok: true; sessionsEnded: number }>;
  confirmIdentity: (input: { password: string }) => Promise<AdminResult>;
  /** Present when single sign-on is configured: how an SSO admin confirms who they are. */
  ssoSignIn?: (form: FormData) => Promise<void>;
};

const statusLabels: Record<AccountSummary["status"], string> = { active: "Active", invited: "Invited", deactivated: "Deactivated" };

function signInLabel(account: AccountSummary): string {
  const ways = [account.signsInWith.password ? "password" : null, account.signsInWith.sso ? "single sign-on" : null].filter(Boolean);
  return ways.length ? ways.join(" and ") : "not yet";
}

export function AccountsManager({ accounts, actorId, actions }: { accounts: AccountSummary[]; actorId: string; actions: AccountActions }) {
  const router = useRouter();
  const change = useAdminChange();
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<ShownLink | null>(null);
  const [roleChoice, setRoleChoice] = useState<Record<string, Role>>({});
  const [deactivating, setDeactivating] = useState<AccountSummary | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one change through the password check, then tells what happened and reloads the list. */
  function apply<R extends AdminResult>(run: () => Promise<R>, said: (result: Extract<R, { ok: true }>) => string, after?: (result: Extract<R, { ok: true }>) => void) {
    setBusy(true);
    setError(null);
    change.run(run, (result) => {
      setBusy(false);
      if (!result.ok) {
        if (result.error.code !== "cancelled") setError(result.error.message);
        return;
      }
      const done = result as Extract<R, { ok: true }>;
      setStatus(said(done));
      after?.(done);
      router.refresh();
    });
  }

  return (
    <>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <form
          className="invite-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            const invite = { email: String(data.get("email") ?? "").trim(), name: String(data.get("name") ?? "").trim(), role: data.get("role") as Role };
            apply(
              () => actions.invite(invite),
              () => `${invite.name} is invited as ${roleLabels[invite.role]}.`,
              (result) => {
                if ("link" in result) setShown({ name: invite.name, email: invite.email, purpose: "invite", url: result.link.url, expiresAt: new Date(result.link.expiresAt).toISOString() });
                form.reset();
              },
            );
          }}
        >
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" required maxLength={320} autoComplete="off" />
          <label htmlFor="invite-name">Name</label>
          <input id="invite-name" name="name" type="text" required maxLength={200} autoComplete="off" />
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="reviewer">
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
          <button type="submit" className="button primary" disabled={busy}>
            Invite
          </button>
        </form>
      </section>

      <p role="status" className="muted account-status">
        {status}
      </p>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}

      <table className="queue-table accounts-table">
        <caption>Everyone who can sign in to Redline, or has been invited to. A role change applies to their next click.</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Role</th>
            <th scope="col">Signs in with</th>
            <th scope="col">Last active</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const chosen = roleChoice[account.id] ?? account.role;
            return (
              <tr key={account.id}>
                <th scope="row">
                  {account.name}
                  <div className="muted">{account.email}</div>
                </th>
                <td>
                  {statusLabels[account.status]}
                  {account.openLink ? (
                    <div className="muted">
                      {account.openLink.purpose === "invite" ? "invitation" : "reset link"} open until <LocalTime iso={account.openLink.expiresAt} />
                    </div>
                  ) : null}
                </td>
                <td>
                  <div className="role-change">
                    <select
                      aria-label={`Role of ${account.name}`}
                      value={chosen}
                      onChange={(event) => setRoleChoice((choices) => ({ ...choices, [account.id]: event.target.value as Role }))}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {roleLabels[role]}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button"
                      disabled={busy || chosen === account.role}
                      onClick={() => apply(() => actions.changeRole({ userId: account.id, role: chosen }), () => `${account.name} is now ${roleLabels[chosen]}.`)}
                    >
                      Apply role
                      <span className="visually-hidden"> for {account.name}</span>
                    </button>
                  </div>
                </td>
                <td>{signInLabel(account)}</td>
                <td>
                  {account.lastSeenAt ? <LocalTime iso={account.lastSeenAt} /> : "never"}
                  {account.liveSessions ? <div className="muted">{account.liveSessions === 1 ? "1 session open" : `${account.liveSessions} sessions open`}</div> : null}
                </td>
                <td className="row-actions">
                  {account.status !== "deactivated" ? (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() =>
                        apply(
                          () => actions.resetPassword({ userId: account.id }),
                          () => `A new one-time link for ${account.name} is ready.`,
                          (result) => {
                            if ("link" in result) {
                              setShown({ name: account.name, email: account.email, purpose: account.signsInWith.password ? "reset" : "invite", url: result.link.url, expiresAt: new Date(result.link.expiresAt).toISOString() });
                            }
                          },
                        )
                      }
                    >
                      {account.status === "invited" ? "New invitation link" : "Reset password"}
                      <span className="visually-hidden"> for {account.name}</span>
                    </button>
                  ) : null}
                  {account.id === actorId ? null : account.status === "deactivated" ? (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => apply(() => actions.setActive({ userId: account.id, active: true }), () => `${account.name} can sign in again.`)}
                    >
                      Reactivate<span className="visually-hidden"> {account.name}</span>
                    </button>
                  ) : (
                    <button type="button" className="button" disabled={busy} onClick={() => setDeactivating(account)}>
                      Deactivate<span className="visually-hidden"> {account.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <ModalDialog title={deactivating ? `Deactivate ${deactivating.name}?` : "Deactivate"} open={deactivating !== null} onClose={() => setDeactivating(null)}>
        {deactivating ? (
          <>
            <p>
              {deactivating.name} will not be able to sign in, by password or single sign-on.{" "}
              {deactivating.liveSessions ? `Their ${deactivating.liveSessions === 1 ? "open session ends" : `${deactivating.liveSessions} open sessions end`} now.` : ""} Their
              corrections and history stay. You can reactivate the account later.
            </p>
            <div className="actions">
              <button type="button" className="button" onClick={() => setDeactivating(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  const account = deactivating;
                  setDeactivating(null);
                  apply(
                    () => actions.setActive({ userId: account.id, active: false }),
                    (result) => `${account.name} is deactivated${"sessionsEnded" in result && result.sessionsEnded ? `; ${result.sessionsEnded === 1 ? "1 session" : `${result.sessionsEnded} sessions`} ended` : ""}.`,
                  );
                }}
              >
                Deactivate
              </button>
            </div>
          </>
        ) : null}
      </ModalDialog>
      <OneTimeLinkDialog link={shown} onClose={() => setShown(null)} />
      <ReauthenticateDialog asking={change.asking} confirm={actions.confirmIdentity} onConfirmed={change.confirmed} onCancel={change.cancelled} ssoSignIn={actions.ssoSignIn} />
    </>
  );
}
