import type { NextAuthConfig } from "next-auth";
import { z } from "zod";
import { roles } from "./roles";

const roleSchema = z.enum(roles);

/** A session lasts a working day at most; the idle timeout (AUTH_IDLE_MINUTES) usually ends it sooner. */
export const sessionMaxAgeSec = 12 * 60 * 60;

/**
 * The part of the Auth.js configuration that needs no database, shared by proxy.ts and the full setup.
 * It only redirects; every action and data function checks the session and role itself.
 */
export const authConfig = {
  trustHost: true,
  // Auth.js's own errors (a failed single sign-on) are explained on the login page too.
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: sessionMaxAgeSec },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const signedIn = Boolean(auth?.user);
      const { pathname } = request.nextUrl;
      // The login page itself sends a live session on to the queue: only the database knows a signed-out one.
      if (pathname === "/login") return true;
      // A one-time link to set a password is opened before its person has any session.
      if (pathname.startsWith("/password/")) return true;
      // A server action must answer with its own typed "signed out" result: a redirect here would make the
      // client navigate away from the editor and lose what the reviewer typed.
      if (request.headers.has("next-action")) return true;
      // Route handlers answer a signed-out request with a JSON 401 the page can explain, not a login page.
      if (pathname.startsWith("/api/")) return true;
      if (signedIn) return true;
      // The redirect is made here: with proxy.ts wrapping `auth`, a `false` would let the request through.
      const login = new URL("/login", request.nextUrl);
      // A path, never an address: signing in only ever leads back into Redline (see safe-redirect.ts).
      login.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
      return Response.redirect(login);
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        // Names the server-side session (auth.ts writes it), so it can be ended for every copy of its cookie.
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      const role = roleSchema.safeParse(token.role);
      session.user.role = role.success ? role.data : "viewer";
      return session;
    },
  },
} satisfies NextAuthConfig;
