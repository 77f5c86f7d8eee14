import "server-only";
import { env } from "@/lib/env";

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the button says after "Sign in with". */
  name: string;
  /** The claim that names the user's role, or null: roles are then changed in Redline. */
  roleClaim: string | null;
};

/** Single sign-on as the environment configures it, or null when it is off (lib/env.ts refuses half of it). */
export function ssoConfig(): SsoConfig | null {
  const { AUTH_OIDC_ISSUER, AUTH_OIDC_ID, AUTH_OIDC_SECRET, AUTH_OIDC_NAME, AUTH_OIDC_ROLE_CLAIM } = env();
  if (!AUTH_OIDC_ISSUER || !AUTH_OIDC_ID || !AUTH_OIDC_SECRET) return null;
  return { issuer: AUTH_OIDC_ISSUER, clientId: AUTH_OIDC_ID, clientSecret: AUTH_OIDC_SECRET, name: AUTH_OIDC_NAME, roleClaim: AUTH_OIDC_ROLE_CLAIM ?? null };
}
