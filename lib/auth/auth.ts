import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDatabase } from "@/lib/db/database";
import { authConfig } from "./auth-config";
import { checkCredentials } from "./check-credentials";

/** Too many failed sign-ins for the account or the address: Auth.js carries `code` to whoever asked. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** The client's address as the proxy in front of Redline reports it (the first `X-Forwarded-For` hop). */
function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip") || null;
}

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const { db } = await getDatabase();
        const result = await checkCredentials(db, { ...parsed.data, address: clientAddress(request.headers) });
        if (!result.ok) throw result.reason === "throttled" ? new ThrottledSignin() : new CredentialsSignin();
        const { user } = result;
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
});
