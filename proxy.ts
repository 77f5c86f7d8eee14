import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth-config";

const { auth } = NextAuth(authConfig);

// Redirects signed-out visitors to /login. A convenience only: actions and pages check the session themselves.
export const proxy = auth;

export const config = {
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|webmanifest)$).*)"],
};
