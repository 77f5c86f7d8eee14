import { runExchange } from "../faults/run-exchange";
import type { Reply } from "../http/reply";
import { Router } from "../http/router";
import { sendJson } from "../http/send-json";
import { faultFor, type ProviderApi, type ProviderContext } from "../provider-context";
import { authenticate } from "./authenticate";
import { blandErrorReply, blandFailure, isBlandFailure } from "./errors";
import type { BlandReply, BlandRoute } from "./handler";
import { getCall } from "./handlers/get-call";
import { getContact } from "./handlers/get-contact";
import { getMemory } from "./handlers/get-memory";
import { listCalls } from "./handlers/list-calls";
import { listContacts } from "./handlers/list-contacts";
import { listPersonas } from "./handlers/list-personas";
import { updateMemorySummary } from "./handlers/update-memory-summary";
import type { BlandStore } from "./store";

const routes = new Router<BlandRoute>()
  .add("GET", "/v1/calls", listCalls)
  .add("GET", "/v1/calls/:callId", getCall)
  .add("GET", "/v1/contacts", listContacts)
  .add("GET", "/v1/contacts/:contactId", getContact)
  .add("GET", "/v1/personas", listPersonas)
  .add("GET", "/v1/memory/contact/:memoryId", getMemory)
  .add("PATCH", "/v1/memory/contact/:memoryId/summary", updateMemorySummary);

const faultMessages = {
  429: "Too many requests, slow down",
  500: "Internal server error",
  503: "Service temporarily unavailable",
} as const;

/**
 * Bland: calls (bare objects), contacts and contact memory (`{data, errors}`). Bland documents no rate
 * limit, so none is enforced; a 429 comes only from a fault.
 */
export function createBlandApi(context: ProviderContext<BlandStore>): ProviderApi {
  return async (req, res, url) => {
    const method = (req.method ?? "GET").toUpperCase();
    const send = (reply: Reply, options?: { malformed?: boolean }) => sendJson(res, reply.status, reply.body, reply.headers, options);
    const toReply = (reply: BlandReply): Reply => (isBlandFailure(reply) ? blandErrorReply(reply) : reply);
    const match = routes.match(method, url.pathname);
    if (match.kind !== "matched") return send(toReply(blandFailure("NOT_FOUND", `Cannot ${method} ${url.pathname}`)));
    const route = match.handler;

    const handle = async (): Promise<BlandReply> => {
      const key = authenticate(req.headers.authorization);
      if (key === null) return blandFailure("UNAUTHORIZED", "Invalid or missing API key in the authorization header");
      return route.handle({
        req,
        url,
        params: match.params,
        key,
        store: key.org === "northwind" ? context.store() : null,
        now: () => new Date(context.clock()),
      });
    };

    await runExchange({
      req,
      res,
      fault: faultFor(context, `bland.${route.endpoint}`, req),
      hangs: context.hangs,
      random: context.random,
      faultReply: (status) => toReply(blandFailure(status === 429 ? "TOO_MANY_REQUESTS" : status === 503 ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR", faultMessages[status])),
      handle: async () => {
        try {
          return toReply(await handle());
        } catch (error) {
          console.error(`[bland] ${method} ${req.url} failed:`, error);
          return toReply(blandFailure("INTERNAL_SERVER_ERROR", "Internal server error"));
        }
      },
      send,
    });
  };
}
