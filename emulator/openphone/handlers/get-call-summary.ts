import { checkCallId } from "../call-id";
import { quoFailure } from "../errors";
import type { QuoRoute } from "../handler";
import { presentSummary } from "../present";

/** GET /v1/call-summaries/{callId}: bullets and next steps, or a status saying why there are none yet. */
export const getCallSummary: QuoRoute = {
  endpoint: "getCallSummary",
  operation: "summaries",
  needsCallIntelligence: true,
  handle: ({ params, store }) => {
    const id = params.callId ?? "";
    const invalid = checkCallId(id, "callId");
    if (invalid) return invalid;
    const record = store.get(id);
    if (record === undefined) return quoFailure(404, `Call summary for ${id} not found`);
    return { status: 200, body: { data: presentSummary(record.call) } };
  },
};
