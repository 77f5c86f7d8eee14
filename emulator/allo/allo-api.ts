import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimiter, rateClassOf, type RateDecision } from "../http/rate-limiter";
import { Router } from "../http/router";
import { sendJson } from "../http/send-json";
import { authenticate } from "./authenticate";
import { alloErrorResponse, alloFailure, isAlloFailure } from "./errors";
import type { AlloReply, AlloRoute } from "./handler";
import { getItem } from "./handlers/get-item";
import { getMe } from "./handlers/get-me";
import { searchConversationItems } from "./handlers/search-items";
import { updateCallSummary } from "./handlers/update-summary";
import { requestIdFor } from "./request-id";
import type { AlloStore } from "./store";

export type AlloApiOptions = {
  /** Read per request, so a reset swaps the data under a running server. */
  store: () => AlloStore;
  rateLimits: boolean;
  clock?: () => number;
};

export type AlloApi = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const routes = new Router<AlloRoute>()
  .add("GET", "/v2/api/me", getMe)
  // The literal `search` goes first so it is not taken for an item id.
  .add("POST", "/v2/api/conversations/items/search", searchConversationItems)
  .add("GET", "/v2/api/conversations/items/:id", getItem)
  .add("PATCH", "/v2/api/conversations/items/:id/summary", updateCallSummary);

function rateHeaders(decision: RateDecision): Record<string, string | number> {
  return {
    "X-RateLimit-Limit": decision.limit,
    "X-RateLimit-Remaining": Math.max(0, decision.remaining),
    "X-RateLimit-Reset": decision.resetAt,
  };
}

/**
 * The Allo v2 surface. Order of checks: route, then key, then rate limit (limits are per key),
 * then scope, then the handler's own validation.
 */
export function createAlloApi(options: AlloApiOptions): AlloApi {
  const clock = options.clock ?? Date.now;
  const limiter = new RateLimiter({ read: 20, write: 5 }, clock);

  return async (req, res) => {
    const requestId = requestIdFor(req);
    const method = (req.method ?? "GET").toUpperCase();
    const rateClass = rateClassOf(method);
    let decision = limiter.peek(rateClass);
    const headers: Record<string, string | number> = {};

    const respond = (reply: AlloReply) => {
      const common = { ...headers, ...rateHeaders(decision), "X-Request-Id": requestId };
      if (isAlloFailure(reply)) {
        const { status, body } = alloErrorResponse(reply, requestId);
        sendJson(res, status, body, common);
      } else {
        sendJson(res, reply.status, reply.body, common);
      }
    };

    try {
      const url = new URL(req.url ?? "/", "http://allo.emulator");
      const match = routes.match(method, url.pathname);
      if (match.kind === "not_found") {
        return respond(alloFailure("ENDPOINT_NOT_FOUND", { message: `No endpoint matches ${method} ${url.pathname}.` }));
      }
      if (match.kind === "method_not_allowed") {
        headers.Allow = match.allowed.join(", ");
        return respond(
          alloFailure("METHOD_NOT_ALLOWED", { message: `${method} is not supported here. Allowed: ${match.allowed.join(", ")}.` }),
        );
      }

      const auth = authenticate(req.headers.authorization);
      if (!auth.ok) return respond(auth.failure);
      if (options.rateLimits) {
        decision = limiter.take(auth.key.key, rateClass);
        if (!decision.allowed) {
          headers["Retry-After"] = 1;
          return respond(
            alloFailure("RATE_LIMIT_EXCEEDED", {
              message: `You have exceeded the rate limit of ${decision.limit} requests per second.`,
              retryAfterSeconds: 1,
            }),
          );
        }
      }
      const route = match.handler;
      if (route.scope !== null && !auth.key.scopes.includes(route.scope)) {
        return respond(
          alloFailure("API_KEY_INSUFFICIENT_SCOPE", { message: `This API key is missing the ${route.scope} scope.` }),
        );
      }
      respond(
        await route.handle({
          req,
          url,
          params: match.params,
          key: auth.key,
          store: options.store(),
          now: () => new Date(clock()),
        }),
      );
    } catch (error) {
      console.error(`[allo] ${method} ${req.url} failed (request ${requestId}):`, error);
      if (!res.headersSent) respond(alloFailure("INTERNAL_SERVER_ERROR"));
      else res.destroy();
    }
  };
}
