import type { ServerResponse } from "node:http";

export type SendOptions = {
  /** Cut the JSON in half: valid headers, a body no parser accepts. For the `malformed` fault. */
  malformed?: boolean;
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string | number>> = {},
  options: SendOptions = {},
): void {
  // The client may have given up while a fault delayed the answer.
  if (res.destroyed || res.writableEnded) return;
  const json = JSON.stringify(body);
  const payload = options.malformed ? json.slice(0, Math.max(1, Math.floor(json.length / 2))) : json;
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
  });
  res.end(payload);
}
