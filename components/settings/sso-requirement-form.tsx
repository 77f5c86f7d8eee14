"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionFailure } from "@/lib/auth/action-failure";
import type { SsoRequirementChange } from "@/lib/auth/sso-requirement";

export function SsoRequirementForm({
  required,
  configured,
  name,
  setRequirement,
}: {
  required: boolean;
  configured: boolean;
  /** What the login button calls the identity provider. */
  name: string;
  /** The server action that changes the requirement, handed down by the page. */
  setRequirement: (input: { required: boolean }) => Promise<SsoRequirementChange | ActionFailure>;
}) {
  const router = useRouter();
  const [checked, setChecked] = useState(required);
  const change = useMutation({
    mutationFn: (next: boolean) => setRequirement({ required: next }),
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(checked);
  };
  const result = change.data;
  return (
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
      <button type="submit" className="button" disabled={change.isPending || checked === required}>
        {change.isPending ? "Saving…" : "Save"}
      </button>
      <div role="status" aria-live="polite">
        {result?.ok ? (result.required ? `Saved: everyone signs in with ${name}.` : "Saved: password sign-in is allowed.") : null}
      </div>
      {result && !result.ok ? <p role="alert">{result.error.message}</p> : null}
      {change.error ? <p role="alert">Redline could not be reached. Check your connection and try again.</p> : null}
    </form>
  );
}
