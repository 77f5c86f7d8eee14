import "server-only";
import { headers } from "next/headers";

/**
 * Where links Redline hands out point: AUTH_URL when the operator set it (behind a proxy that rewrites
 * Host, it is the only trustworthy answer), otherwise the address this request came in on.
 */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost:3000";
  const protocol = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${protocol}://${host}`;
}

/** The client's address as the proxy in front of Redline reports it (the first `X-Forwarded-For` hop). */
export function clientAddress(headers: Headers | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip") || null;
}
