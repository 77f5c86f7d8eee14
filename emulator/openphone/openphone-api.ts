import { runExchange } from "../faults/run-exchange";
import { RateLimiter } from "../http/rate-limiter";
import type { Reply } from "../http/reply";
import { Router } from "../http/router";
import { sendJson } from "../http/send-json";
import { faultFor, type ProviderApi, type ProviderContext } from "../provider-context";
import { authenticate } from "./authenticate";
import { isQuoFailure, quoErrorReply, quoFailure, quoRouteNotFound } from "./errors";
import type { QuoReply, QuoRoute } from "./handler";
import { getCall } from "./handlers/get-call";
import { getCallSummary } from "./handlers/get-call-summary";
import { getCallTranscript } from "./handlers/get-call-transcript";
import { listCalls } from "./handlers/list-calls";
import { listContacts } from "./handlers/list-contacts";
import { listUsers } from "./handlers/list-users";
import type { OpenPhoneStore } from "./store";

const routes = new Router<QuoRoute>()
  .add("GET", "/v1/calls", listCalls)
  .add("GET", "/v1/calls/:callId", getCall)
  .add("GET", "/v1/call-summaries/:callId", getCallSummary)
  .add("GET", "/v1/call-transcripts/:id", getCallTranscript)
  .add("GET", "/v1/users", listUsers)
  .add("GET", "/v1/contacts", listContacts);

/** Quo's documented limit: 10 requests a second per key. */
const PER_SECOND = 10;

/**
 * Quo (OpenPhone) v1: reads only. Order of checks: route, key, rate limit, plan, then the endpoint's own
 * validation. Quo documents no rate-limit headers for v1, so none are sent, not even on a 429.
 */
export function createOpenPhoneApi(context: ProviderContext<OpenPhoneStore>): ProviderApi {
  const limiter = new RateLimiter({ read: PER_SECOND, write: PER_SECOND }, context.clock);

  return async (req, res, url) => {
    const method = (req.method ?? "GET").toUpperCase();
    const send = (reply: Reply, options?: { malformed?: boolean }) => sendJson(res, reply.status, reply.body, reply.headers, options);
    const match = routes.match(method, url.pathname);
    // Quo's API answers a method it has no route for like a path it does not know.
    if (match.kind !== "matched") return send(quoRouteNotFound(method, url.pathname));
    const route = match.handler;
    const toReply = (reply: QuoReply): Reply => (isQuoFailure(reply) ? quoErrorReply(route.operation, reply) : reply);

    const handle = (): QuoReply => {
      const auth = authenticate(req.headers.authorization);
      if (!auth.ok) return quoFailure(401, auth.message);
      if (context.settings.rateLimits && !limiter.take(auth.key.key, "read").allowed) {
        return quoFailure(429, `Rate limit exceeded: at most ${PER_SECOND} requests per second per API key`);
      }
      if (route.needsCallIntelligence && auth.key.plan !== "business") {
        return quoFailure(403, "Call summaries and transcripts are available on the Business and Scale plans only");
      }
      return route.handle({ url, params: match.params, key: auth.key, store: context.store() });
    };

    await runExchange({
      req,
      res,
      fault: faultFor(context, `openphone.${route.endpoint}`, req),
      hangs: context.hangs,
      random: context.random,
      faultReply: (status) =>
        toReply(quoFailure(status, status === 429 ? "Too many requests" : status === 503 ? "Service unavailable" : "Unknown error")),
      handle: async () => {
        try {
          return toReply(handle());
        } catch (error) {
          console.error(`[openphone] ${method} ${req.url} failed:`, error);
          return toReply(quoFailure(500, "Unknown error"));
        }
      },
      send,
    });
  };
}
