import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { z } from "zod";
import { getDatabase } from "@/lib/db/database";
import { startSession } from "@/lib/db/queries/sessions";
import { authConfig, sessionMaxAgeSec } from "./auth-config";
import { checkCredentials } from "./check-credentials";
import { provisionSsoUser } from "./provision-sso-user";
import { clientAddress } from "./request-origin";
import { recordSecurityEvent } from "./security-event";
import { ssoConfig, type SsoConfig } from "./sso-config";

/** Too many failed sign-ins for the account or the address: Auth.js carries `code` to whoever asked. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** The right password for a deactivated account. */
export class DeactivatedSignin extends CredentialsSignin {
  code = "deactivated";
}

/** Single sign-on asked of a team that requires it, by a password. */
export class SsoRequiredSignin extends CredentialsSignin {
  code = "sso_required";
}

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

/** The claims of an ID token the OIDC client has already verified (signature, issuer, audience, nonce). */
function idTokenClaims(idToken: unknown): Record<string, unknown> {
  if (typeof idToken !== "string") return {};
  try {
    const parsed = z.record(z.string(), z.unknown()).safeParse(JSON.parse(Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString("utf8")));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function ssoProvider(config: SsoConfig): OIDCConfig<Record<string, unknown>> {
  return {
    // The id is the callback path registered at the identity provider: /api/auth/callback/oidc.
    id: "oidc",
    name: config.name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ["pkce", "state", "nonce"],
    // Many providers put email and custom claims in userinfo only, some in the ID token only: read userinfo,
    // and the signIn callback adds the ID token's claims under it.
    idToken: false,
    profile: (profile) => ({ id: String(profile.sub), email: typeof profile.email === "string" ? profile.email : null }),
  };
}

const sso = ssoConfig();

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account, profile }) {
      if (account?.type !== "oidc") return true;
      if (!sso) return false;
      const { db } = await getDatabase();
      const result = await provisionSsoUser(db, { issuer: sso.issuer, roleClaim: sso.roleClaim, claims: { ...idTokenClaims(account.id_token), ...profile } });
      // A refusal is said on the login page, in Redline's words.
      if (!result.ok) return `/login?error=sso_${result.reason}`;
      // What jwt receives next: the Redline account, not the identity provider's user.
      user.id = result.user.id;
      user.role = result.user.role;
      user.name = result.user.name;
      user.email = result.user.email;
      return true;
    },
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      // A sign-in: the session exists server side before its cookie is sent, so it can be ended everywhere.
      if (params.user && token.sid && token.sub) {
        const { db } = await getDatabase();
        const method = params.account?.type === "oidc" ? "sso" : "password";
        await startSession(db, { id: token.sid, userId: token.sub, method, expiresAt: new Date(Date.now() + sessionMaxAgeSec * 1000) });
        await recordSecurityEvent(db, { event: "signed_in", actorId: token.sub, subjectId: token.sub, detail: { method } });
      }
      return token;
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const { db } = await getDatabase();
        const result = await checkCredentials(db, { ...parsed.data, address: clientAddress(request.headers) });
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignin();
          if (result.reason === "deactivated") throw new DeactivatedSignin();
          if (result.reason === "sso_required") throw new SsoRequiredSignin();
          throw new CredentialsSignin();
        }
        const { user } = result;
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
    ...(sso ? [ssoProvider(sso)] : []),
  ],
});
