import { blandFailure } from "../errors";
import type { BlandRoute } from "../handler";
import { presentCall } from "../present";

/** GET /v1/calls/{call_id}: the call as a bare object, transcript included. */
export const getCall: BlandRoute = {
  endpoint: "getCall",
  handle: ({ params, store }) => {
    const id = params.callId ?? "";
    const record = store?.call(id);
    if (record === undefined) return blandFailure("NOT_FOUND", `Call ${id} not found`);
    return { status: 200, body: presentCall(record) };
  },
};
