import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

const loopbackHost = /^(127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;

/**
 * Next names a loopback address "localhost" in a route's URL. Auth.js builds the single sign-on callback URL
 * from that URL here but from the Host header when the sign-in starts, and an identity provider refuses a code
 * redeemed for another callback URL than it was issued for. So, reached at a loopback address without AUTH_URL,
 * Auth.js sees the address the browser used.
 */
function asAddressed(request: NextRequest): NextRequest {
  const host = request.headers.get("host");
  if (process.env.AUTH_URL || !host || !loopbackHost.test(host)) return request;
  const url = new URL(request.url);
  url.host = host;
  // A plain request keeps its address; Auth.js reads only what a Request has when AUTH_URL is unset.
  const addressed = new Request(url, { method: request.method, headers: request.headers, body: request.body, duplex: "half" } as RequestInit);
  return addressed as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(asAddressed(request));
export const POST = (request: NextRequest) => handlers.POST(asAddressed(request));
