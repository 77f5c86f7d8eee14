import type { IncomingMessage } from "node:http";
import type { EndpointName } from "../endpoint-names";
import type { AlloFailure } from "./errors";
import type { AlloApiKey, AlloScope } from "./keys";
import type { AlloStore } from "./store";

export type AlloRequest = {
  req: IncomingMessage;
  url: URL;
  params: Readonly<Record<string, string>>;
  /** The authenticated key; its user is who a write is attributed to. */
  key: AlloApiKey;
  store: AlloStore;
  now: () => Date;
};

export type AlloReply = { status: number; body: unknown } | AlloFailure;

export type AlloRoute = {
  /** The name faults are aimed at: `allo.<endpoint>`. */
  endpoint: EndpointName<"allo">;
  /** Null when any valid key may call it (`GET /v2/api/me`). */
  scope: AlloScope | null;
  handle(request: AlloRequest): AlloReply | Promise<AlloReply>;
};
