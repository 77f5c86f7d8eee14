const base = "http://redline.invalid";

/**
 * Where to go after signing in: a path of Redline's own, or the queue. Anything else — another site
 * (`https://…`, `//…`), a `javascript:` or `data:` URL, the login page itself — would be an open redirect or
 * break Auth.js's redirect check, so it is dropped.
 */
export function safeRedirect(target: string | undefined): string {
  if (!target) return "/queue";
  try {
    const url = new URL(target, base);
    if (url.origin !== base || !url.pathname.startsWith("/") || url.pathname === "/login") return "/queue";
    return url.pathname + url.search;
  } catch {
    return "/queue";
  }
}
