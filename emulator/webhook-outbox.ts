import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { z } from "zod";
import type { ProviderId } from "./provider-id";

/** Providers whose readiness webhooks the emulator sends (Quo's call.summary.completed and call.transcript.completed). */
export const webhookProviders = ["openphone"] as const;
export type WebhookProvider = (typeof webhookProviders)[number];

export const webhookSubscriptionSchema = z
  .object({
    provider: z.enum(webhookProviders),
    url: z.url(),
    /** A `whsec_…` key; one is made when left out, as Quo does when a webhook is created. */
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/).optional(),
  })
  .strict();
export type WebhookSubscriptionInput = z.infer<typeof webhookSubscriptionSchema>;
type Subscription = Required<WebhookSubscriptionInput>;

export type WebhookDelivery = { id: string; provider: ProviderId; type: string; url: string; status: number | null; error: string | null; at: string };

/**
 * The emulator's side of the providers' webhooks: who is subscribed, and each delivery, signed as Standard
 * Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`). A delivery
 * answered other than 2xx is retried twice, as providers do (at least once); every attempt is logged.
 */
export class WebhookOutbox {
  private readonly subscriptions = new Map<WebhookProvider, Subscription>();
  private readonly log: WebhookDelivery[] = [];

  constructor(private readonly clock: () => number) {}

  subscribe(input: WebhookSubscriptionInput): Subscription {
    const subscription = { ...input, secret: input.secret ?? `whsec_${randomBytes(24).toString("base64")}` };
    this.subscriptions.set(input.provider, subscription);
    return subscription;
  }

  unsubscribe(provider: WebhookProvider): void {
    this.subscriptions.delete(provider);
  }

  list(): { subscriptions: Subscription[]; deliveries: WebhookDelivery[] } {
    return { subscriptions: [...this.subscriptions.values()], deliveries: [...this.log] };
  }

  /** Sends one event to the provider's subscriber, if any; resolves once it was answered 2xx or given up. */
  async send(provider: WebhookProvider, type: string, object: Record<string, unknown>): Promise<WebhookDelivery[]> {
    const subscription = this.subscriptions.get(provider);
    if (!subscription) return [];
    const now = new Date(this.clock());
    const envelope = { id: `EV${randomBytes(16).toString("hex")}`, object: "event", apiVersion: "v3", createdAt: now.toISOString(), type, data: { object } };
    const body = JSON.stringify(envelope);
    const deliveryId = `msg_${randomBytes(12).toString("hex")}`;
    const attempts: WebhookDelivery[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const signedAt = new Date(this.clock());
      const record: WebhookDelivery = { id: deliveryId, provider, type, url: subscription.url, status: null, error: null, at: signedAt.toISOString() };
      try {
        const response = await fetch(subscription.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "webhook-id": deliveryId,
            "webhook-timestamp": String(Math.floor(signedAt.getTime() / 1000)),
            "webhook-signature": new Webhook(subscription.secret).sign(deliveryId, signedAt, body),
          },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        await response.arrayBuffer();
        record.status = response.status;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      this.log.push(record);
      attempts.push(record);
      if (record.status !== null && record.status >= 200 && record.status < 300) break;
    }
    return attempts;
  }
}
