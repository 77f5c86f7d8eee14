import { blandFailure } from "../errors";
import type { BlandRoute } from "../handler";
import { presentContact } from "../present";

/** GET /v1/contacts/{contact_id}. */
export const getContact: BlandRoute = {
  endpoint: "getContact",
  handle: ({ params, store }) => {
    const id = params.contactId ?? "";
    const contact = store?.contact(id);
    if (store === null || contact === undefined) return blandFailure("NOT_FOUND", `Contact ${id} not found`);
    return { status: 200, body: { data: presentContact(contact, store.orgId), errors: null } };
  },
};
