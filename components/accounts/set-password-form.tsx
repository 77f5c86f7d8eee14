"use client";

import Link from "next/link";
import { useActionState } from "react";

export type SetPasswordState = { error: string | null; unusable?: boolean };

export function SetPasswordForm({
  token,
  email,
  minLength,
  setPassword,
}: {
  token: string;
  email: string;
  minLength: number;
  setPassword: (state: SetPasswordState, form: FormData) => Promise<SetPasswordState>;
}) {
  const [state, formAction, pending] = useActionState<SetPasswordState, FormData>(setPassword, { error: null });
  if (state.unusable) {
    return (
      <div role="alert">
        <p>{state.error}</p>
        <p>
          <Link href="/login">Go to sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="login-form" aria-describedby="password-rules">
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <p id="password-rules" className="muted">
        At least {minLength} characters; spaces and any characters are welcome. A few unrelated words make a good one. Passwords
        found in leaks are refused.
      </p>
      <label htmlFor="new-password">New password</label>
      <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={minLength} />
      <label htmlFor="repeated-password">Repeat the new password</label>
      <input id="repeated-password" name="repeated" type="password" autoComplete="new-password" required minLength={minLength} />
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Setting…" : "Set password"}
      </button>
    </form>
  );
}
