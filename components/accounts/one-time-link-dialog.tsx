"use client";

import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { ModalDialog } from "@/components/ui/modal-dialog";

export type ShownLink = { name: string; email: string; purpose: "invite" | "reset"; url: string; expiresAt: string };

/** The link is shown once: Redline keeps only its hash. */
export function OneTimeLinkDialog({ link, onClose }: { link: ShownLink | null; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <ModalDialog title={link?.purpose === "invite" ? "Invitation link" : "Password reset link"} open={link !== null} onClose={onClose}>
      {link ? (
        <>
          <p>
            Redline sends no email: pass this link to {link.name} ({link.email}) yourself. It works once, until{" "}
            <LocalTime iso={link.expiresAt} />, and is shown only now.
          </p>
          <label htmlFor="one-time-link">One-time link</label>
          <input id="one-time-link" type="text" readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} className="link-field" />
          <p role="status" className="muted">
            {copied ? "Copied." : ""}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                void navigator.clipboard?.writeText(link.url).then(() => setCopied(true));
              }}
            >
              Copy link
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setCopied(false);
                onClose();
              }}
            >
              Done
            </button>
          </div>
        </>
      ) : null}
    </ModalDialog>
  );
}
