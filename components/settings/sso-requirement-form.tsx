"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ReauthenticateDialog } from "@/components/accounts/reauthenticate-dialog";
import { useAdminChange, type AdminResult } from "@/components/accounts/use-admin-change";

export function SsoRequirementForm({
  required,
  configured,
  name,
  setRequirement,
  confirmIdentity,
  ssoSignIn,
}: {
  required: boolean;
  configured: boolean;
  /** What the login button calls the identity provider. */
  name: string;
  /** The server action that changes the requirement, handed down by the page. */
  setRequirement: (input: { required: boolean }) => Promise<AdminResult | { ok: true; required: boolean }>;
  confirmIdentity: (input: { password: string }) => Promise<AdminResult>;
  ssoSignIn?: (form: FormData) => Promise<void>;
}) {
  const router = useRouter();
  const change = useAdminChange();
  const [checked, setChecked] = useState(required);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<AdminResult | { ok: true; required: boolean } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    change.run(
      () => setRequirement({ required: checked }).catch((): AdminResult => ({ ok: false, error: { code: "unreachable", message: "Redline could not be reached. Check your connection and try again." } })),
      (outcome) => {
        setPending(false);
        if (!outcome.ok && outcome.error.code === "cancelled") return;
        setResult(outcome);
        if (outcome.ok) router.refresh();
      },
    );
  };
  return (
    <>
    <form onSubmit={submit}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          // Turning it on needs SSO configured; turning it off is always allowed.
          disabled={!configured && !checked}
          onChange={(event) => setChecked(event.target.checked)}
          aria-describedby="sso-requirement-note"
        />
        Require single sign-on for everyone
      </label>
      <p id="sso-requirement-note" className="muted">
        While required, password sign-in is refused for every account, yours included; everyone signs in with {name}.
      </p>
      <button type="submit" className="button" disabled={pending || checked === required}>
        {pending ? "Saving…" : "Save"}
      </button>
      <div role="status" aria-live="polite">
        {result?.ok && "required" in result ? (result.required ? `Saved: everyone signs in with ${name}.` : "Saved: password sign-in is allowed.") : null}
      </div>
      {result && !result.ok ? <p role="alert">{result.error.message}</p> : null}
    </form>
    <ReauthenticateDialog asking={change.asking} confirm={confirmIdentity} onConfirmed={change.confirmed} onCancel={change.cancelled} ssoSignIn={ssoSignIn} />
    </>
  );
}
