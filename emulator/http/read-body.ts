import type { IncomingMessage } from "node:http";

export type BodyResult = { ok: true; text: string } | { ok: false; reason: "too_large" };

/**
 * Reads the whole body as UTF-8. Past `maxBytes` it keeps draining without buffering, so the client
 * still gets an answer instead of a reset connection.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on("end", () => {
      resolve(size > maxBytes ? { ok: false, reason: "too_large" } : { ok: true, text: Buffer.concat(chunks).toString("utf8") });
    });
    req.on("error", reject);
  });
}
