import { checkCallId } from "../call-id";
import { quoFailure } from "../errors";
import type { QuoRoute } from "../handler";
import { presentTranscript } from "../present";

/** GET /v1/call-transcripts/{id}: the path parameter is named `id` but holds the call id. */
export const getCallTranscript: QuoRoute = {
  endpoint: "getCallTranscript",
  operation: "transcripts",
  needsCallIntelligence: true,
  handle: ({ params, store }) => {
    const id = params.id ?? "";
    const invalid = checkCallId(id, "id");
    if (invalid) return invalid;
    const record = store.get(id);
    if (record === undefined) return quoFailure(404, `Call transcript for ${id} not found`);
    return { status: 200, body: { data: presentTranscript(record) } };
  },
};
