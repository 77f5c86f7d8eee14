import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth-config";

// Redirects signed-out visitors to /login. A convenience only: actions and pages check the session themselves.
export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico)$).*)"],
};
