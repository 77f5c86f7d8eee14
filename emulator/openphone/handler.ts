import type { EndpointName } from "../endpoint-names";
import type { QuoFailure, QuoOperation } from "./errors";
import type { OpenPhoneApiKey } from "./keys";
import type { OpenPhoneStore } from "./store";

export type QuoRequest = { url: URL; params: Readonly<Record<string, string>>; key: OpenPhoneApiKey; store: OpenPhoneStore };

export type QuoReply = { status: 200; body: unknown } | QuoFailure;

export type QuoRoute = {
  endpoint: EndpointName<"openphone">;
  /** Which family of error codes the route answers with. */
  operation: QuoOperation;
  /** Summaries and transcripts need the Business or Scale plan. */
  needsCallIntelligence: boolean;
  handle(request: QuoRequest): QuoReply;
};
