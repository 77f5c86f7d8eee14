import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/accounts/set-password-form";
import { findAccountLink } from "@/lib/auth/accounts/find-account-link";
import { unusableLinkMessage } from "@/lib/auth/accounts/set-password-with-link";
import { passwordLength } from "@/lib/auth/password-policy";
import { getDatabase } from "@/lib/db/database";
import { setPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findAccountLink((await getDatabase()).db, token);
  return (
    <main className="login-page">
      <h1>Redline</h1>
      {link ? (
        <>
          <p>
            {link.purpose === "invite" ? `Welcome, ${link.name}. ` : ""}Choose a password for <strong>{link.email}</strong>.
          </p>
          <SetPasswordForm token={token} email={link.email} minLength={passwordLength.min} setPassword={setPasswordAction} />
        </>
      ) : (
        <div role="alert">
          <p>{unusableLinkMessage}</p>
          <p>
            <Link href="/login">Go to sign in</Link>
          </p>
        </div>
      )}
    </main>
  );
}
