import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { auth } from "./auth";

// Auth.js names its session cookie by whether the site is served over HTTPS; the name is also the key's salt.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The signed-in user's id from the session cookie, or null. Every action and route asks this first, so it
 * decrypts the cookie itself (expiry checked) rather than running Auth.js's whole session call, which costs
 * several milliseconds a request. Kept apart so tests can stand in for the session.
 */
export async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const secret = env().AUTH_SECRET;
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token || !secret) continue;
    const payload = await decode({ token, secret, salt: name }).catch(() => null);
    return typeof payload?.sub === "string" ? payload.sub : null;
  }
  // A session too large for one cookie is split into numbered chunks, which Auth.js puts back together.
  if (jar.getAll().some((cookie) => SESSION_COOKIES.some((name) => cookie.name.startsWith(`${name}.`)))) {
    return (await auth())?.user?.id ?? null;
  }
  return null;
}
