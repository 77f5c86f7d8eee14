import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { sessionUserId } from "@/lib/auth/session-user-id";
import { ssoConfig } from "@/lib/auth/sso-config";
import { ssoErrorMessage } from "@/lib/auth/sso-error-message";
import { ssoRequired } from "@/lib/auth/sso-requirement";
import { getDatabase } from "@/lib/db/database";
import { signInAction, signInWithSsoAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; passwordSet?: string; email?: string }>;
}) {
  const { callbackUrl, error, passwordSet, email } = await searchParams;
  // A live session goes on to the queue; a signed-out one (even with its old cookie) signs in again.
  if (await sessionUserId()) redirect("/queue");
  const sso = ssoConfig();
  const passwordsRefused = await ssoRequired((await getDatabase()).db, sso !== null);
  const ssoError = ssoErrorMessage(typeof error === "string" ? error : undefined);
  return (
    <main className="login-page">
      <h1>Redline</h1>
      <p className="muted">Review and correct AI call summaries.</p>
      {passwordSet ? (
        <p role="status" className="notice">
          Your password is set. Sign in with it now.
        </p>
      ) : null}
      {ssoError ? (
        <p role="alert" className="form-error">
          {ssoError}
        </p>
      ) : null}
      {sso && passwordsRefused ? <p>Your team signs in with {sso.name}.</p> : null}
      {sso ? <SsoSignIn name={sso.name} callbackUrl={callbackUrl} signIn={signInWithSsoAction} /> : null}
      {sso && !passwordsRefused ? <p className="login-divider">or with your Redline password</p> : null}
      {passwordsRefused ? null : <LoginForm callbackUrl={callbackUrl} email={email} signIn={signInAction} />}
    </main>
  );
}
