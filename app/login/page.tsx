import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { sessionUserId } from "@/lib/auth/session-user-id";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; passwordSet?: string; email?: string }> }) {
  const { callbackUrl, passwordSet, email } = await searchParams;
  // A live session goes on to the queue; a signed-out one (even with its old cookie) signs in again.
  if (await sessionUserId()) redirect("/queue");
  return (
    <main className="login-page">
      <h1>Redline</h1>
      <p className="muted">Review and correct AI call summaries.</p>
      {passwordSet ? (
        <p role="status" className="notice">
          Your password is set. Sign in with it now.
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} email={email} signIn={signInAction} />
    </main>
  );
}
