import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Provider, { type KoaContext } from "oidc-provider";

/** A person at the identity provider; `role` is sent as the `redline_role` claim when set. */
export type IssuerAccount = { sub: string; email?: string; email_verified?: boolean; name?: string; role?: string | string[] };

export type OidcIssuer = { url: string; clientId: string; clientSecret: string; roleClaim: string; close(): Promise<void> };

/** The role claim the issuer sends, as AUTH_OIDC_ROLE_CLAIM names it. */
const roleClaim = "redline_role";

/**
 * A real OpenID Connect issuer (oidc-provider) on a free port of 127.0.0.1, with one confidential client whose
 * redirect URI is the app's Auth.js callback. Its development sign-in form takes an account's `sub` as the
 * login (any password); consent is granted for the one client up front, so the browser comes straight back.
 */
export async function startOidcIssuer(options: { appBaseUrl: string; accounts: IssuerAccount[] }): Promise<OidcIssuer> {
  const accounts = new Map(options.accounts.map((account) => [account.sub, account]));
  const clientId = "redline";
  const clientSecret = randomBytes(24).toString("hex");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the issuer has no port");
  const url = `http://127.0.0.1:${address.port}`;

  const provider = new Provider(url, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.appBaseUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", roleClaim] },
    async findAccount(_ctx: KoaContext, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: account.sub,
          ...(account.email ? { email: account.email, email_verified: account.email_verified ?? false } : {}),
          ...(account.name ? { name: account.name } : {}),
          ...(account.role ? { [roleClaim]: account.role } : {}),
        }),
      };
    },
    // The one client is first-party: what it asks for is granted without a consent page.
    async loadExistingGrant(ctx: KoaContext) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      grant.addOIDCClaims(["email", "email_verified", "name", roleClaim]);
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(16).toString("hex")] },
  });
  server.on("request", provider.callback());

  return {
    url,
    clientId,
    clientSecret,
    roleClaim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
