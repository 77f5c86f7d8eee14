import type { ServerResponse } from "node:http";
import { sendJson, type SendOptions } from "./send-json";

/** An answer a provider handler has decided on, before any fault garbles or withholds it. */
export type Reply = { status: number; body: unknown; headers?: Readonly<Record<string, string | number>> };

export function sendReply(res: ServerResponse, reply: Reply, options: SendOptions = {}): void {
  sendJson(res, reply.status, reply.body, reply.headers, options);
}
