import type { SsoRefusal } from "./provision-sso-user";

const refusals: Record<`sso_${SsoRefusal}`, string> = {
  sso_deactivated: "This account has been deactivated. Ask an admin of your team if this is a mistake.",
  sso_no_email: "Your identity provider did not share an email address, which Redline needs for a new account. Ask an admin.",
  sso_unverified_email:
    "A Redline account has this email, but your identity provider has not verified that the email is yours, so it was not linked. Ask an admin.",
  sso_linked_elsewhere: "The Redline account with this email signs in as someone else at your identity provider. Ask an admin.",
};

/**
 * What the login page says for `?error=`: Redline's own refusals (provision-sso-user.ts) in its words, and any
 * of Auth.js's codes (AccessDenied, Configuration, OAuthCallbackError…) as one plain failure. Null without one.
 */
export function ssoErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  if (code in refusals) return refusals[code as keyof typeof refusals];
  if (code === "AccessDenied") return "Single sign-on did not let this account in. Ask an admin of your team.";
  return "Single sign-on failed. Try again or ask an admin.";
}
