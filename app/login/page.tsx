import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="login-page">
      <h1>Redline</h1>
      <p className="muted">Review and correct AI call summaries.</p>
      <LoginForm callbackUrl={callbackUrl} signIn={signInAction} />
    </main>
  );
}
