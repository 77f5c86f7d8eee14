import { RateLimiter, rateClassOf, type RateDecision } from "../http/rate-limiter";
import { Router } from "../http/router";
import { sendJson } from "../http/send-json";
import { runExchange } from "../faults/run-exchange";
import { faultFor, type ProviderApi, type ProviderContext } from "../provider-context";
import { authenticate } from "./authenticate";
import { alloErrorResponse, alloFailure, isAlloFailure, type AlloFailure } from "./errors";
import type { AlloReply, AlloRoute } from "./handler";
import { batchGetConversationItems } from "./handlers/batch-get";
import { getItem } from "./handlers/get-item";
import { getMe } from "./handlers/get-me";
import { searchConversationItems } from "./handlers/search-items";
import { updateCallSummary } from "./handlers/update-summary";
import { requestIdFor } from "./request-id";
import type { AlloStore } from "./store";

const routes = new Router<AlloRoute>()
  .add("GET", "/v2/api/me", getMe)
  // The literals `search` and `batch` go first so they are not taken for item ids.
  .add("POST", "/v2/api/conversations/items/search", searchConversationItems)
  .add("POST", "/v2/api/conversations/items/batch", batchGetConversationItems)
  .add("GET", "/v2/api/conversations/items/:id", getItem)
  .add("PATCH", "/v2/api/conversations/items/:id/summary", updateCallSummary);

function rateHeaders(decision: RateDecision): Record<string, string | number> {
  return {
    "X-RateLimit-Limit": decision.limit,
    "X-RateLimit-Remaining": Math.max(0, decision.remaining),
    "X-RateLimit-Reset": decision.resetAt,
  };
}

const faultFailures = {
  429: (retryAfterSeconds: number) =>
    alloFailure("RATE_LIMIT_EXCEEDED", { message: "You have exceeded the rate limit.", retryAfterSeconds }),
  500: () => alloFailure("INTERNAL_SERVER_ERROR"),
  503: () => alloFailure("SERVICE_UNAVAILABLE"),
} as const;

/**
 * The Allo v2 surface. Order of checks: route, then key, then rate limit (limits are per key),
 * then scope, then the handler's own validation. An injected fault comes after routing, before the key.
 */
export function createAlloApi(context: ProviderContext<AlloStore>): ProviderApi {
  const limiter = new RateLimiter({ read: 20, write: 5 }, context.clock);

  return async (req, res, url) => {
    const requestId = requestIdFor(req);
    const method = (req.method ?? "GET").toUpperCase();
    const rateClass = rateClassOf(method);
    let decision = limiter.peek(rateClass);
    const headers: Record<string, string | number> = {};

    const toReply = (reply: AlloReply) => {
      const common: Record<string, string | number> = { ...headers, ...rateHeaders(decision), "X-Request-Id": requestId };
      if (!isAlloFailure(reply)) return { status: reply.status, body: reply.body, headers: common };
      const { status, body } = alloErrorResponse(reply, requestId);
      if (reply.retryAfterSeconds !== undefined) common["Retry-After"] = reply.retryAfterSeconds;
      return { status, body, headers: common };
    };
    const respond = (reply: AlloReply) => {
      const { status, body, headers: all } = toReply(reply);
      sendJson(res, status, body, all);
    };

    const match = routes.match(method, url.pathname);
    if (match.kind === "not_found") {
      return respond(alloFailure("ENDPOINT_NOT_FOUND", { message: `No endpoint matches ${method} ${url.pathname}.` }));
    }
    if (match.kind === "method_not_allowed") {
      headers.Allow = match.allowed.join(", ");
      return respond(alloFailure("METHOD_NOT_ALLOWED", { message: `${method} is not supported here. Allowed: ${match.allowed.join(", ")}.` }));
    }
    const route = match.handler;

    const handle = async (): Promise<AlloReply> => {
      const auth = authenticate(req.headers.authorization);
      if (!auth.ok) return auth.failure;
      if (context.settings.rateLimits) {
        decision = limiter.take(auth.key.key, rateClass);
        if (!decision.allowed) {
          return alloFailure("RATE_LIMIT_EXCEEDED", {
            message: `You have exceeded the rate limit of ${decision.limit} requests per second.`,
            retryAfterSeconds: 1,
          });
        }
      }
      if (route.scope !== null && !auth.key.scopes.includes(route.scope)) {
        return alloFailure("API_KEY_INSUFFICIENT_SCOPE", { message: `This API key is missing the ${route.scope} scope.` });
      }
      return route.handle({
        req,
        url,
        params: match.params,
        key: auth.key,
        store: context.store(),
        now: () => new Date(context.clock()),
      });
    };

    await runExchange({
      req,
      res,
      fault: faultFor(context, `allo.${route.endpoint}`, req),
      hangs: context.hangs,
      random: context.random,
      faultReply: (status, retryAfter) => toReply(faultFailures[status](retryAfter)),
      handle: async () => {
        try {
          return toReply(await handle());
        } catch (error) {
          console.error(`[allo] ${method} ${req.url} failed (request ${requestId}):`, error);
          return toReply(alloFailure("INTERNAL_SERVER_ERROR") satisfies AlloFailure);
        }
      },
      send: (reply, options) => sendJson(res, reply.status, reply.body, reply.headers, options),
    });
  };
}
