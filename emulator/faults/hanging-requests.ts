import type { ServerResponse } from "node:http";

/**
 * Responses a fault is holding open on purpose. Each leaves the set when its client gives up (or the
 * server closes every connection on shutdown), so nothing is kept for a client that has gone.
 */
export class HangingRequests {
  private readonly responses = new Set<ServerResponse>();

  hold(res: ServerResponse): void {
    if (res.destroyed) return;
    this.responses.add(res);
    res.once("close", () => this.responses.delete(res));
  }

  get count(): number {
    return this.responses.size;
  }
}
