import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDatabase } from "@/lib/db/database";
import { startSession } from "@/lib/db/queries/sessions";
import { authConfig, sessionMaxAgeSec } from "./auth-config";
import { checkCredentials } from "./check-credentials";
import { clientAddress } from "./request-origin";
import { recordSecurityEvent } from "./security-event";

/** Too many failed sign-ins for the account or the address: Auth.js carries `code` to whoever asked. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** The right password for a deactivated account. */
export class DeactivatedSignin extends CredentialsSignin {
  code = "deactivated";
}

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
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
          throw new CredentialsSignin();
        }
        const { user } = result;
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
});
