import { blandFailure } from "../errors";
import type { BlandRoute } from "../handler";
import { presentMemory } from "../present";

/** GET /v1/memory/contact/{memory_id}. */
export const getMemory: BlandRoute = {
  endpoint: "getMemory",
  handle: ({ params, store }) => {
    const id = params.memoryId ?? "";
    const record = store?.memory(id);
    if (store === null || record === undefined) return blandFailure("NOT_FOUND", `Contact memory ${id} not found`);
    return { status: 200, body: { data: presentMemory(record.memory, store.orgId, record.contact.id), errors: null } };
  },
};
