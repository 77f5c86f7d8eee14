import { z } from "zod";

const httpsUrl = z.url({ protocol: /^https$/ });

/**
 * Whether the browser reached Redline over HTTPS: the TLS proxy in front says so in `x-forwarded-proto`
 * (the first hop's value when proxies chain), or Redline is configured with an https URL.
 */
export function servedOverHttps(forwardedProto: string | null, configuredUrl: string | undefined): boolean {
  if (forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https") return true;
  return httpsUrl.safeParse(configuredUrl).success;
}

/** The headers of every response the proxy handles, the content security policy among them. */
export function securityHeaders({ contentSecurityPolicy, https }: { contentSecurityPolicy: string; https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy,
    // For browsers that predate `frame-ancestors`.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Not `no-referrer`: with it a browser sends `Origin: null` when it posts a form, and Next's origin check
    // refuses a server action submitted that way (a sign-in or sign-out before the page has hydrated).
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()",
    // Pages and answers show calls and summaries to one signed-in reviewer: no cache keeps them.
    "Cache-Control": "no-store",
    // Only when the browser came over HTTPS: a plain-HTTP install (the demo on localhost) must not claim it.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
