import type { IncomingMessage } from "node:http";
import type { EndpointName } from "../endpoint-names";
import type { TwilioCredential } from "./credentials";
import type { TwilioFailure } from "./errors";
import type { TwilioStore } from "./store";

export type TwilioRequest = {
  req: IncomingMessage;
  url: URL;
  params: Readonly<Record<string, string>>;
  credential: TwilioCredential;
  store: TwilioStore;
  applyDelayMs: number;
};

export type TwilioReply = { status: 200 | 202; body: unknown; headers?: Record<string, string> } | TwilioFailure;

export type TwilioRoute = {
  endpoint: EndpointName<"twilio">;
  write: boolean;
  handle(request: TwilioRequest): TwilioReply | Promise<TwilioReply>;
};
