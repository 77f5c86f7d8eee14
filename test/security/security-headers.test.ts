import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { securityHeaders, servedOverHttps } from "@/lib/security/security-headers";

/** The policy's directives by name, each with its sources. */
const directives = (policy: string) => Object.fromEntries(policy.split(";").map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

describe("the content security policy", () => {
  it("runs only scripts with the response's nonce, and loads images, requests and frames from Redline alone", () => {
    expect(directives(contentSecurityPolicy({ nonce: "abc+/=", development: false }))).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'nonce-abc+/='", "'strict-dynamic'"],
      "style-src": ["'self'", "'nonce-abc+/='"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "worker-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("allows eval and style elements without a nonce only in development", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", development: true }));
    expect(policy["script-src"]).toEqual(["'nonce-abc'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("has a fresh nonce each time, in the form Next reads from the policy", () => {
    const nonces = Array.from({ length: 50 }, newNonce);
    expect(new Set(nonces).size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the security headers", () => {
  it("deny framing, sniffing, powerful features and caching, with no HSTS over plain HTTP", () => {
    expect(securityHeaders({ contentSecurityPolicy: "default-src 'self'", https: false })).toEqual({
      "Content-Security-Policy": "default-src 'self'",
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": expect.stringMatching(/^camera=\(\), microphone=\(\), geolocation=\(\)/),
      "Cache-Control": "no-store",
    });
  });

  it("add HSTS over HTTPS", () => {
    expect(securityHeaders({ contentSecurityPolicy: "", https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("count a request as HTTPS when the proxy in front says so, or Redline's configured URL is https", () => {
    expect(servedOverHttps("https", undefined)).toBe(true);
    expect(servedOverHttps("HTTPS", undefined)).toBe(true);
    expect(servedOverHttps("https, http", undefined)).toBe(true);
    expect(servedOverHttps(null, "https://redline.example.com")).toBe(true);
    expect(servedOverHttps("http", "https://redline.example.com/base")).toBe(true);

    expect(servedOverHttps("http", undefined)).toBe(false);
    expect(servedOverHttps("http, https", undefined)).toBe(false);
    expect(servedOverHttps(null, "http://localhost:3000")).toBe(false);
    expect(servedOverHttps(null, "not a url")).toBe(false);
    expect(servedOverHttps(null, "")).toBe(false);
  });
});
