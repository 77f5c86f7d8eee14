import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultBook } from "./faults/fault-book";
import type { Fault } from "./faults/fault-spec";
import type { HangingRequests } from "./faults/hanging-requests";
import type { WriteActor } from "./write-log";

/** What can be changed while the emulator runs (`PATCH /__emulator/settings`). */
export type EmulatorSettings = {
  /** The documented per-key limits (Allo, Quo). */
  rateLimits: boolean;
  /** How long a Twilio summary PATCH takes to show after its 202. */
  twilioApplyDelayMs: number;
};

/** What every provider's request pipeline is handed by the server. */
export type ProviderContext<Store> = {
  /** Read per request, so a reset swaps the data under a running server. */
  store: () => Store;
  faults: FaultBook;
  hangs: HangingRequests;
  settings: EmulatorSettings;
  clock: () => number;
  random: () => number;
};

/** One provider's HTTP surface; `url.pathname` is relative to the provider's mount point. */
export type ProviderApi = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/**
 * Sent by the emulator's own "other editor". Faults stand for trouble on Redline's path to the provider;
 * a colleague working in the provider's own app does not share it, so faults leave these requests alone.
 */
export const OTHER_EDITOR_HEADER = "x-emulator-actor";

export function faultFor(context: ProviderContext<unknown>, endpoint: string, req: IncomingMessage): Fault | null {
  if (req.headers[OTHER_EDITOR_HEADER] === "other-editor") return null;
  return context.faults.pick(endpoint);
}

/** Who sent a write, for the write log: the other editor marks its requests, anything else is a client. */
export function writeActorOf(req: IncomingMessage): WriteActor {
  return req.headers[OTHER_EDITOR_HEADER] === "other-editor" ? "other-editor" : "api";
}
