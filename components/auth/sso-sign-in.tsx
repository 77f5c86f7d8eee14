"use client";

import { useFormStatus } from "react-dom";

function SsoButton({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button primary" disabled={pending} aria-busy={pending}>
      Sign in with {name}
    </button>
  );
}

/** The single sign-on button: a form, so it works before any script has loaded. */
export function SsoSignIn({
  name,
  callbackUrl,
  signIn,
}: {
  name: string;
  callbackUrl?: string;
  /** The server action that sends the browser to the identity provider, handed down by the page. */
  signIn: (form: FormData) => Promise<void>;
}) {
  return (
    <form action={signIn} className="login-form">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <SsoButton name={name} />
    </form>
  );
}
