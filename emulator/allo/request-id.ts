import { randomInt } from "node:crypto";
import type { IncomingMessage } from "node:http";

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

/** The client's `X-Request-Id` when it sends a sane one (Allo echoes it), else `req_` + 12 alphanumerics. */
export function requestIdFor(req: IncomingMessage): string {
  const sent = req.headers["x-request-id"];
  if (typeof sent === "string" && /^[\x21-\x7e]{1,200}$/.test(sent)) return sent;
  let id = "req_";
  for (let i = 0; i < 12; i++) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}
