import { twilioFailure } from "../errors";
import type { TwilioRoute } from "../handler";
import { presentSummary } from "../present";
import { checkIds } from "../resource-ids";

/** GET …/ConversationSummaries/{summaryId}. */
export const getSummary: TwilioRoute = {
  endpoint: "getSummary",
  write: false,
  handle: ({ params, store }) => {
    const invalid = checkIds(params);
    if (invalid) return invalid;
    const { storeId = "", profileId = "", summaryId = "" } = params;
    const summary = store.summary(storeId, profileId, summaryId);
    if (summary === undefined) return twilioFailure(404, `Conversation summary ${summaryId} not found`);
    return { status: 200, headers: { "Canonical-Profile-Id": profileId }, body: presentSummary(summary) };
  },
};
