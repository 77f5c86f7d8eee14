"use client";

import { useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { AdminResult } from "./use-admin-change";

export function ReauthenticateDialog({
  asking,
  confirm,
  onConfirmed,
  onCancel,
}: {
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
          <div className="actions">
            <button type="button" className="button" onClick={onCancel}>
              Close
            </button>
          </div>
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
