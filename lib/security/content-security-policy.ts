/** A fresh value for each response: a script the page did not render cannot know it. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy of every page and route. Scripts run only with this response's nonce (Next puts it on its own
 * scripts) and what they load; images come only from Redline itself, so a summary cannot make a reviewer's
 * browser call out; nothing may frame a page.
 */
export function contentSecurityPolicy({ nonce, development }: { nonce: string; development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React rebuilds server error stacks with eval in development only.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Stylesheets from Redline only; no style element or attribute in the HTML unless it carries the nonce.
    // The editor's and the transcript's inline styles are set from the browser through the CSSOM, which the
    // policy does not govern, so no 'unsafe-inline'. The development server injects style elements as it
    // reloads CSS, without a nonce.
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // The evidence checks run in a worker loaded from Redline: 'strict-dynamic' in script-src would refuse it.
    "worker-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
