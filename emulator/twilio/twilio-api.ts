import { randomBytes } from "node:crypto";
import { runExchange } from "../faults/run-exchange";
import type { Reply } from "../http/reply";
import { Router } from "../http/router";
import { sendJson } from "../http/send-json";
import { faultFor, type ProviderApi, type ProviderContext } from "../provider-context";
import { authenticate } from "./authenticate";
import { isTwilioFailure, twilioErrorReply, twilioFailure, type TwilioFailure } from "./errors";
import type { TwilioReply, TwilioRoute } from "./handler";
import { getProfile } from "./handlers/get-profile";
import { getSummary } from "./handlers/get-summary";
import { listSummaries } from "./handlers/list-summaries";
import { updateSummary } from "./handlers/update-summary";
import type { TwilioStore } from "./store";

const base = "/v1/Stores/:storeId/Profiles/:profileId/ConversationSummaries";
const routes = new Router<TwilioRoute>()
  .add("GET", "/v1/Stores/:storeId/Profiles/:profileId", getProfile)
  .add("GET", base, listSummaries)
  .add("GET", `${base}/:summaryId`, getSummary)
  .add("PATCH", `${base}/:summaryId`, updateSummary);

/**
 * Twilio Conversation Memory: conversation summaries and the profile they belong to. Twilio publishes no rate limit for Memory, so
 * none is enforced; 429s (with `Retry-After`) come from faults.
 */
export function createTwilioApi(context: ProviderContext<TwilioStore>): ProviderApi {
  return async (req, res, url) => {
    const method = (req.method ?? "GET").toUpperCase();
    const common = { "Twilio-Request-Id": `RQ${randomBytes(16).toString("hex")}` };
    const toReply = (reply: TwilioReply): Reply => {
      if (isTwilioFailure(reply)) {
        const error = twilioErrorReply(reply);
        return { ...error, headers: { ...common, ...error.headers } };
      }
      return { status: reply.status, body: reply.body, headers: { ...common, ...reply.headers } };
    };
    const send = (reply: Reply, options?: { malformed?: boolean }) => sendJson(res, reply.status, reply.body, reply.headers, options);

    const match = routes.match(method, url.pathname);
    if (match.kind === "not_found") return send(toReply(twilioFailure(404, `The requested resource ${url.pathname} was not found`)));
    if (match.kind === "method_not_allowed") {
      const failure: TwilioFailure = { twilioStatus: 405, headers: { Allow: match.allowed.join(", ") } };
      return send(toReply(failure));
    }
    const route = match.handler;

    const handle = async (): Promise<TwilioReply> => {
      const credential = authenticate(req.headers.authorization);
      if (credential === null) return { ...twilioFailure(401), headers: { "WWW-Authenticate": 'Basic realm="Twilio API"' } };
      if (!credential.canRead) return twilioFailure(403, "This API key does not have permission to access Memory resources");
      if (route.write && !credential.canWrite) return twilioFailure(403, "This API key does not have permission to update Memory resources");
      return route.handle({
        req,
        url,
        params: match.params,
        credential,
        store: context.store(),
        applyDelayMs: context.settings.twilioApplyDelayMs,
      });
    };

    await runExchange({
      req,
      res,
      fault: faultFor(context, `twilio.${route.endpoint}`, req),
      hangs: context.hangs,
      random: context.random,
      faultReply: (status, retryAfter) =>
        toReply(status === 429 ? { twilioStatus: 429, headers: { "Retry-After": String(retryAfter) } } : twilioFailure(status)),
      handle: async () => {
        try {
          return toReply(await handle());
        } catch (error) {
          console.error(`[twilio] ${method} ${req.url} failed:`, error);
          return toReply(twilioFailure(500));
        }
      },
      send,
    });
  };
}
