"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { AdminResult } from "./use-admin-change";

export function ReauthenticateDialog({
  asking,
  confirm,
  onConfirmed,
  onCancel,
  ssoSignIn,
}: {
  /** Signs in again with single sign-on, coming back to this page (the change is then made again). */
  ssoSignIn?: (form: FormData) => Promise<void>;
  asking: { method: "password" | "sso"; message: string } | null;
  confirm: (input: { password: string }) => Promise<AdminResult>;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <ModalDialog title="Confirm it is you" open={asking !== null} onClose={onCancel}>
      {asking?.method === "sso" ? (
        <>
          <p>{asking.message}</p>
          <form action={ssoSignIn} className="actions">
            <input type="hidden" name="callbackUrl" value={typeof window === "undefined" ? "/settings" : window.location.pathname} />
            <input type="hidden" name="reauthenticate" value="1" />
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            {ssoSignIn ? (
              <button type="submit" className="button primary">
                Sign in again
              </button>
            ) : null}
          </form>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const password = String(new FormData(event.currentTarget).get("password") ?? "");
            setBusy(true);
            setError(null);
            void confirm({ password }).then((result) => {
              setBusy(false);
              if (result.ok) onConfirmed();
              else setError(result.error.message);
            });
          }}
        >
          <p>Changes to accounts need your password if you have not entered it in the last 15 minutes.</p>
          <label htmlFor="reauth-password">Your password</label>
          <input id="reauth-password" name="password" type="password" autoComplete="current-password" required autoFocus />
          {error ? (
            <p role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? "Checking…" : "Confirm"}
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
