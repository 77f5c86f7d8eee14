import type { IssuerAccount } from "../support/oidc-issuer";

/** What the login button says: AUTH_OIDC_NAME of the app under test. */
export const ssoName = "Test IdP";

/** The people at the tests' identity provider; global-setup deactivates `deactivated` in Redline before the app starts. */
export const ssoAccounts = {
  newLead: { sub: "casey-sso", email: "casey@idp.test", email_verified: true, name: "Casey Sso", role: ["staff", "lead"] },
  deactivated: { sub: "dana-sso", email: "dana@idp.test", email_verified: true, name: "Dana Gone", role: "reviewer" },
} satisfies Record<string, IssuerAccount>;
