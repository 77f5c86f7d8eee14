"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import type { SignInState } from "@/lib/auth/sign-in-state";
import { ssoConfig } from "@/lib/auth/sso-config";
import { logger } from "@/lib/logger";

const signInSchema = z.object({
  email: z.email("Enter the email address of your Redline account."),
  password: z.string().min(1, "Enter your password."),
  callbackUrl: z.string().optional(),
});

function signInFailureMessage(error: AuthError): string {
  if (error instanceof CredentialsSignin && error.code === "throttled") {
    return "Too many failed sign-ins for this account or network. Wait a few minutes, then try again.";
  }
  if (error instanceof CredentialsSignin && error.code === "deactivated") {
    return "This account has been deactivated. Ask an admin of your team if this is a mistake.";
  }
  if (error instanceof CredentialsSignin && error.code === "sso_required") {
    return `Your team signs in with ${ssoConfig()?.name ?? "single sign-on"}.`;
  }
  return error.type === "CredentialsSignin" ? "Wrong email or password." : "Sign-in failed. Try again.";
}

/** Outside the role-checked actions: it runs before there is a session, and answers by redirecting. */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = typeof formData.get("email") === "string" ? String(formData.get("email")) : "";
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", email };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirect(parsed.data.callbackUrl),
    });
    return { error: null, email };
  } catch (error) {
    // signIn throws a redirect on success; only Auth.js's own errors are failures to report.
    if (error instanceof AuthError) {
      // The password check has recorded the security event; this only tells the person what happened.
      return {
        error: signInFailureMessage(error),
        email,
      };
    }
    throw error;
  }
}

const ssoSignInSchema = z.object({ callbackUrl: z.string().max(2_000).optional(), reauthenticate: z.literal("1").optional() });

/** Sends the browser to the identity provider; it comes back to /api/auth/callback/oidc, then to callbackUrl. */
export async function signInWithSsoAction(formData: FormData): Promise<void> {
  const parsed = ssoSignInSchema.safeParse(Object.fromEntries(formData));
  const callbackUrl = parsed.success ? parsed.data.callbackUrl : undefined;
  if (!ssoConfig()) redirect("/login");
  try {
    // `reauthenticate`: an admin confirming who they are before a change; the identity provider asks again
    // rather than answering from its own session (OIDC `prompt=login`, `max_age=0`).
    const fresh = parsed.success && parsed.data.reauthenticate === "1" ? { prompt: "login", max_age: "0" } : undefined;
    await signIn("oidc", { redirectTo: safeRedirect(callbackUrl) }, fresh);
  } catch (error) {
    // signIn throws a redirect to the identity provider on success; an AuthError means it could not be reached.
    if (!(error instanceof AuthError)) throw error;
    logger.warn({ err: error }, "single sign-on could not start");
  }
  redirect("/login?error=sso_unavailable");
}
