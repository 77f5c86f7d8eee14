import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import type { WebhookReceipt } from "../types";

/**
 * Quo's webhooks (the current system, not the legacy `openphone-signature` one) follow Standard Webhooks:
 * `webhook-id`, `webhook-timestamp` and `webhook-signature` headers, an HMAC-SHA256 of
 * `{id}.{timestamp}.{raw body}` under the `whsec_…` key Quo returns when the webhook is created, and a
 * delivery older or newer than five minutes refused as a replay.
 */
export const quoWebhookSecretSchema = z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, "Quo webhook keys look like whsec_…");

// The envelope is `{id, apiVersion, createdAt, type, data}`. The call an event is about is `data.object.callId`
// in the summary and transcript events' examples (`data.object.id` is the call itself on call events).
const eventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({
    object: z.looseObject({ callId: z.string().regex(/^AC\w+$/).optional(), id: z.string().optional() }),
  }),
});

const readinessEvents = { "call.summary.completed": "summary", "call.transcript.completed": "transcript" } as const;

/** Verifies a delivery and says which call's summary or transcript it reports done; other events are ignored. */
export function receiveQuoWebhook(secret: string, body: string, headers: Headers): WebhookReceipt {
  const signed = {
    "webhook-id": headers.get("webhook-id") ?? "",
    "webhook-timestamp": headers.get("webhook-timestamp") ?? "",
    "webhook-signature": headers.get("webhook-signature") ?? "",
  };
  let payload: unknown;
  try {
    payload = new Webhook(secret).verify(body, signed);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return { kind: "refused", reason: error.message };
    // A signed body that is not JSON.
    return { kind: "malformed", reason: "The delivery is not JSON." };
  }
  const event = eventSchema.safeParse(payload);
  if (!event.success) return { kind: "malformed", reason: "The delivery is not a Quo event." };
  const about = readinessEvents[event.data.type as keyof typeof readinessEvents];
  const callId = event.data.data.object.callId;
  if (!about) return { kind: "ignored", deliveryId: signed["webhook-id"], type: event.data.type };
  if (!callId) return { kind: "malformed", reason: `A ${event.data.type} event without its call id.` };
  return { kind: "ready", deliveryId: signed["webhook-id"], callId, about };
}
