import type { IncomingMessage } from "node:http";
import type { EndpointName } from "../endpoint-names";
import type { BlandFailure } from "./errors";
import type { BlandApiKey } from "./keys";
import type { BlandStore } from "./store";

export type BlandRequest = {
  req: IncomingMessage;
  url: URL;
  params: Readonly<Record<string, string>>;
  key: BlandApiKey;
  /** Null for a key of another organisation: it sees none of Northwind's data. */
  store: BlandStore | null;
  now: () => Date;
};

export type BlandReply = { status: 200; body: unknown } | BlandFailure;

export type BlandRoute = {
  endpoint: EndpointName<"bland">;
  handle(request: BlandRequest): BlandReply | Promise<BlandReply>;
};
