import { presentItem } from "../conversation-item";
import { alloFailure, isAlloFailure } from "../errors";
import { parseExtend } from "../extend";
import type { AlloRoute } from "../handler";

/** GET /v2/api/conversations/items/{id}: one call or SMS. */
export const getItem: AlloRoute = {
  endpoint: "getItem",
  scope: "CONVERSATIONS_READ",
  handle: ({ params, url, store }) => {
    const id = params.id ?? "";
    if (!id.startsWith("cll-") && !id.startsWith("msg-")) {
      return alloFailure("INVALID_ITEM_ID", {
        message: `Invalid item ID '${id}'. Item IDs start with cll- (calls) or msg- (messages).`,
        param: "id",
      });
    }
    const extend = parseExtend(url.searchParams.getAll("extend").join(","));
    if (isAlloFailure(extend)) return extend;
    const record = store.get(id);
    if (record === undefined) {
      return alloFailure("CONVERSATION_ITEM_NOT_FOUND", { message: `No call or message found with ID '${id}'.`, param: "id" });
    }
    return { status: 200, body: { data: presentItem(store, record, extend) } };
  },
};
