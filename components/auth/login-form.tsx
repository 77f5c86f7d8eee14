"use client";

import { useActionState } from "react";
import type { SignInState } from "@/lib/auth/sign-in-state";

export function LoginForm({
  callbackUrl,
  email,
  signIn,
}: {
  callbackUrl?: string;
  /** Filled in when the person comes from setting their password. */
  email?: string;
  /** The sign-in server action, handed down by the page. */
  signIn: (state: SignInState, form: FormData) => Promise<SignInState>;
}) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signIn, { error: null, email: email ?? "" });
  return (
    <form action={formAction} className="login-form" aria-describedby={state.error ? "login-error" : undefined}>
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {state.error ? (
        <p id="login-error" role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
