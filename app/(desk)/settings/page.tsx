import type { Metadata } from "next";
import { RefusedPage } from "@/components/ui/refused-page";
import { SettingsNav } from "@/components/accounts/settings-nav";
import { LocalTime } from "@/components/ui/local-time";
import { SsoRequirementForm } from "@/components/settings/sso-requirement-form";
import { requireRole } from "@/lib/auth/require-role";
import { ssoConfig } from "@/lib/auth/sso-config";
import { ssoRequirementSetting } from "@/lib/auth/sso-requirement";
import { getDatabase } from "@/lib/db/database";
import { providerNames } from "@/lib/providers/provider-id";
import { configuredProviders, getAdapter, providerConfigurationProblems } from "@/lib/providers/registry";
import { readSyncStatus } from "@/lib/review/queue/sync-status";
import { probeProvider } from "@/lib/review/settings/provider-health";
import { confirmIdentityAction } from "./accounts/actions";
import { setSsoRequirementAction } from "./actions";
import { signInWithSsoAction } from "@/app/login/actions";

export const metadata: Metadata = { title: "Settings" };

const writeLabels = { sync: "saves apply at once", async: "saves are accepted, then applied", none: "read-only: corrections stay in Redline" };

const yesNo = (value: boolean | null) => (value === null ? "unknown" : value ? "yes" : "no");

export default async function SettingsPage() {
  const check = await requireRole("admin");
  if (!check.ok) return <RefusedPage title="Settings" error={check.error} />;
  const adapters = configuredProviders().flatMap((provider) => getAdapter(provider) ?? []);
  const [health, states, ssoSetting] = await Promise.all([
    Promise.all(adapters.map((adapter) => probeProvider(adapter))),
    getDatabase().then((database) => readSyncStatus(database, adapters.map((adapter) => adapter.id))),
    getDatabase().then((database) => ssoRequirementSetting(database.db)),
  ]);
  const sso = ssoConfig();
  const problems = providerConfigurationProblems();
  return (
    <main className="page">
      <h1>Settings</h1>
      <SettingsNav current="providers" />
      <h2>Providers</h2>
      {health.length === 0 ? <p>No provider is configured. See the README for the variables each provider needs.</p> : null}
      <table className="queue-table">
        <caption>Each configured provider, checked just now with one small read. Keys are never shown.</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Reachable</th>
            <th scope="col">Authorized</th>
            <th scope="col">Rate limited</th>
            <th scope="col">Summaries</th>
            <th scope="col">Last sync</th>
          </tr>
        </thead>
        <tbody>
          {health.map((item) => {
            const state = states.find((candidate) => candidate.provider === item.provider);
            return (
              <tr key={item.provider}>
                <th scope="row">{providerNames[item.provider]}</th>
                <td>{yesNo(item.reachable)}</td>
                <td>{yesNo(item.authorized)}</td>
                <td>
                  {item.rateLimited ? "yes, right now" : "no"}
                  {item.problem ? (
                    <div className="muted">
                      <code>{item.problem.code}</code> {item.problem.message}
                      {item.problem.requestId ? ` (request ${item.problem.requestId})` : ""}
                    </div>
                  ) : null}
                </td>
                <td>
                  {writeLabels[item.capabilities.write]}; {item.capabilities.format}, up to{" "}
                  {item.capabilities.maxLength.toLocaleString("en-US")} characters
                </td>
                <td>
                  {state?.finishedAt ? <LocalTime iso={state.finishedAt} /> : "never"}
                  {state && state.status !== "idle" ? <span className="muted"> · {state.status}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > 0 ? (
        <>
          <h2>Configuration problems</h2>
          <ul role="alert">
            {problems.map((problem) => (
              <li key={problem.provider}>
                {providerNames[problem.provider]}: {problem.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <section className="settings-section" aria-labelledby="sso-heading">
        <h2 id="sso-heading">Single sign-on</h2>
        {sso ? (
          <dl>
            <dt>Status</dt>
            <dd>Configured: the login page offers “Sign in with {sso.name}”</dd>
            <dt>Issuer</dt>
            <dd>
              <code>{sso.issuer}</code>
            </dd>
            <dt>Role claim</dt>
            <dd>
              {sso.roleClaim ? (
                <>
                  <code>{sso.roleClaim}</code>: the identity provider sets each account&apos;s role at every sign-in
                </>
              ) : (
                "none: new accounts are viewers, and roles are changed in Redline"
              )}
            </dd>
          </dl>
        ) : (
          <p>
            Not configured. Set <code>AUTH_OIDC_ISSUER</code>, <code>AUTH_OIDC_ID</code> and <code>AUTH_OIDC_SECRET</code> to offer
            single sign-on; the README says how.
            {ssoSetting ? " Single sign-on is required by a saved setting, which is ignored while it is not configured: passwords work." : null}
          </p>
        )}
        <SsoRequirementForm required={ssoSetting} configured={sso !== null} name={sso?.name ?? "single sign-on"} setRequirement={setSsoRequirementAction} confirmIdentity={confirmIdentityAction}
          ssoSignIn={sso ? signInWithSsoAction : undefined}
        />
      </section>
    </main>
  );
}
