import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth-config";

const { auth } = NextAuth(authConfig);

// Redirects signed-out visitors to /login. A convenience only: actions and pages check the session themselves.
export const proxy = auth;

export const config = {
  matcher: [
    {
      source: "/((?!api/auth|api/webhooks|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|webmanifest)$).*)",
      // A server action answers a signed-out request with its own typed result, so the proxy has nothing to
      // do there; skipping it keeps a save from paying for a session cookie being re-issued.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
