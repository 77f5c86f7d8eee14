import type { Database } from "@/lib/db/open-database";
import { markSummaryDue, recordTranscriptReady } from "@/lib/db/queries/calls";
import { logger } from "@/lib/logger";
import type { ProviderAdapter } from "@/lib/providers/types";
import { startBackgroundSync } from "./background-sync";
import { checkSummaryReadiness } from "./summary-readiness";

export type WebhookAnswer = {
  status: 200 | 202 | 400 | 401 | 404;
  body: { ok: boolean; message: string };
  /** Work to do once the provider has its answer (it retries deliveries that are slow to answer). */
  afterwards?: () => Promise<void>;
};

/**
 * Takes one delivery of a provider's readiness webhook. What it changes is recorded before the answer, so a
 * delivery answered 2xx is never lost: the call is marked due a look, and the look itself (re-reading the
 * summary) happens right after, or by the next re-check if the provider fails it. Taking a delivery twice
 * (providers deliver at least once) only reads the summary twice.
 */
export async function receiveWebhook(
  deps: { database: Database; adapter: ProviderAdapter | null },
  body: string,
  headers: Headers,
): Promise<WebhookAnswer> {
  const { database, adapter } = deps;
  if (!adapter?.receiveWebhook) return { status: 404, body: { ok: false, message: "No webhook is configured for this provider." } };
  const receipt = adapter.receiveWebhook(body, headers);
  switch (receipt.kind) {
    case "refused":
      logger.warn({ provider: adapter.id, reason: receipt.reason }, "refused a webhook delivery");
      return { status: 401, body: { ok: false, message: "The delivery's signature does not verify." } };
    case "malformed":
      return { status: 400, body: { ok: false, message: receipt.reason } };
    case "ignored":
      return { status: 200, body: { ok: true, message: `${receipt.type} is not used.` } };
    case "ready": {
      const ref = { provider: adapter.id, callId: receipt.callId };
      const state =
        receipt.about === "summary"
          ? await markSummaryDue(database.db, ref.provider, ref.callId)
          : (await recordTranscriptReady(database.db, ref.provider, ref.callId)) ? "due" : "unknown";
      if (state === "unknown") {
        // A call the queue has not listed yet: the next sync brings it in, and its summary with it.
        return { status: 202, body: { ok: true, message: "The call is not in the queue yet; a sync was started." }, afterwards: async () => startBackgroundSync(database, [adapter]) };
      }
      if (receipt.about === "transcript") return { status: 200, body: { ok: true, message: "The transcript is marked ready." } };
      if (state === "ready") return { status: 200, body: { ok: true, message: "The summary was already in the queue." } };
      return {
        status: 200,
        body: { ok: true, message: "The summary will be read now." },
        afterwards: async () => {
          await checkSummaryReadiness({ database, adapter }, ref.callId).catch((error: unknown) =>
            logger.warn({ err: error, ...ref }, "reading a summary a webhook announced failed; the re-check will"),
          );
        },
      };
    }
  }
}
