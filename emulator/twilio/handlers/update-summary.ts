import { z } from "zod";
import { summarySourceSchema, ttid } from "../../data/sections/twilio-section";
import { readBody } from "../../http/read-body";
import { writeActorOf } from "../../provider-context";
import { twilioFailure } from "../errors";
import type { TwilioRoute } from "../handler";
import { checkIds } from "../resource-ids";
import type { SummaryPatch } from "../store";

/** `SummaryCorePatch`: every field optional. Fields it does not define are ignored. */
const patchSchema = z.object({
  source: summarySourceSchema.optional(),
  content: z.string().min(1).max(4_096).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  conversationId: z.string().regex(ttid.conversation).optional(),
});

/**
 * PATCH …/ConversationSummaries/{summaryId}: 202 "accepted and is being processed". The change shows
 * after the configured delay, when `updatedAt` is set; no version, no precondition, last write wins.
 */
export const updateSummary: TwilioRoute = {
  endpoint: "updateSummary",
  write: true,
  handle: async ({ req, params, store, applyDelayMs }) => {
    const invalid = checkIds(params);
    if (invalid) return invalid;
    const body = await readBody(req, 100_000);
    if (!body.ok) return twilioFailure(400, "Request body too large");
    let value: unknown = {};
    if (body.text.trim() !== "") {
      try {
        value = JSON.parse(body.text);
      } catch {
        return twilioFailure(400, "Request body must be valid JSON");
      }
    }
    const parsed = patchSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return twilioFailure(400, `Invalid ${issue?.path.join(".") || "body"}: ${issue?.message ?? "bad request"}`);
    }
    const { storeId = "", profileId = "", summaryId = "" } = params;
    if (store.summary(storeId, profileId, summaryId) === undefined) return twilioFailure(404, `Conversation summary ${summaryId} not found`);

    const patch: SummaryPatch = { ...parsed.data };
    // Twilio writes UTC with a Z; an offset given on write is normalised.
    if (patch.occurredAt !== undefined) patch.occurredAt = new Date(patch.occurredAt).toISOString().replace(/\.\d{3}Z$/, "Z");
    store.accept(storeId, profileId, summaryId, patch, applyDelayMs, writeActorOf(req));
    return { status: 202, body: { message: "Conversation summary update accepted" } };
  },
};
