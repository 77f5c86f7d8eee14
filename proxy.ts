import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { securityHeaders, servedOverHttps } from "@/lib/security/security-headers";

const { auth } = NextAuth(authConfig);

/** What `auth` wraps in a proxy (the last of its overloads), rather than a route handler. */
type SessionMiddleware = Parameters<typeof auth>[0];

/** Routes that answer before there is a session: Auth.js's own, and the providers' signed webhooks. */
const sessionless = /^\/api\/(auth|webhooks)(\/|$)/;

/** Lets the request through with the policy on it: Next reads the nonce there and puts it on the scripts it renders. */
function forward(request: NextRequest, policy: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return NextResponse.next({ request: { headers } });
}

/**
 * Sets the security headers of every page and route, and redirects signed-out visitors to /login (a
 * convenience only: actions and pages check the session themselves).
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const policy = contentSecurityPolicy({ nonce: newNonce(), development: process.env.NODE_ENV === "development" });
  const passed: SessionMiddleware = (incoming) => forward(incoming, policy);
  const response = sessionless.test(request.nextUrl.pathname) ? forward(request, policy) : await auth(passed)(request, event);
  // Auth.js always answers with a response; a middleware's type also allows none.
  if (!response) throw new Error("The session check gave no response");
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"), process.env.AUTH_URL ?? process.env.NEXTAUTH_URL);
  for (const [name, value] of Object.entries(securityHeaders({ contentSecurityPolicy: policy, https }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Static files keep their own caching and carry no page to protect.
      source: "/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|webmanifest)$).*)",
      // A server action answers a signed-out request with its own typed result, so the proxy has nothing to
      // do there; skipping it keeps a save from paying for a session cookie being re-issued.
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
