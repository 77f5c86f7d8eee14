import { checkCallId } from "../call-id";
import { quoFailure } from "../errors";
import type { QuoRoute } from "../handler";
import { presentCall } from "../present";

/** GET /v1/calls/{callId}. */
export const getCall: QuoRoute = {
  endpoint: "getCall",
  operation: "calls",
  needsCallIntelligence: false,
  handle: ({ params, store }) => {
    const id = params.callId ?? "";
    const invalid = checkCallId(id, "callId");
    if (invalid) return invalid;
    const record = store.get(id);
    if (record === undefined) return quoFailure(404, `Call ${id} not found`);
    return { status: 200, body: { data: presentCall(record.call) } };
  },
};
