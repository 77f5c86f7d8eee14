import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "../http/reply";
import type { SendOptions } from "../http/send-json";
import type { Fault, FaultStatus } from "./fault-spec";
import type { HangingRequests } from "./hanging-requests";

export type Exchange = {
  req: IncomingMessage;
  res: ServerResponse;
  /** The fault picked for this request, if any. */
  fault: Fault | null;
  hangs: HangingRequests;
  random: () => number;
  /** The provider's own error answer for an injected status (429 with its retry hints). */
  faultReply(status: FaultStatus, retryAfterSeconds: number): Reply;
  /** Authenticates, validates and does the work; a write has taken effect once this resolves. */
  handle(): Promise<Reply>;
  send(reply: Reply, options?: SendOptions): void;
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Drops the connection without a word: the client sees a reset socket. */
function reset(req: IncomingMessage, res: ServerResponse): void {
  // Drain nothing, answer nothing; destroying the socket is what a crashed proxy looks like.
  res.socket?.destroy();
  req.socket.destroy();
}

/**
 * Answers one request, with its fault applied. Latency comes first; `status`, `reset` and `hang` stop the
 * request before it is handled (a write does not happen); `apply-then-*`, `malformed` and `schema` let it
 * be handled (a write takes effect) and then withhold or garble the answer.
 */
export async function runExchange(exchange: Exchange): Promise<void> {
  const { fault, req, res } = exchange;
  if (fault?.latency !== undefined || fault?.jitter !== undefined) {
    await sleep((fault.latency ?? 0) + Math.floor(exchange.random() * (fault.jitter ?? 0)));
    if (res.destroyed) return;
  }
  if (fault?.status !== undefined) return exchange.send(exchange.faultReply(fault.status, fault.retryAfter ?? 1));
  if (fault?.mode === "reset") return reset(req, res);
  if (fault?.mode === "hang") return exchange.hangs.hold(res);

  const reply = await exchange.handle();
  switch (fault?.mode) {
    case "apply-then-hang":
      return exchange.hangs.hold(res);
    case "apply-then-reset":
      return reset(req, res);
    case "malformed":
      return exchange.send(reply, { malformed: true });
    case "schema":
      // Valid JSON, none of the documented top-level fields: what a contract change looks like.
      return exchange.send({ ...reply, body: { result: reply.body } });
    default:
      return exchange.send(reply);
  }
}
