import type { QuoRoute } from "../handler";
import { offsetPage } from "../offset-page";
import { presentContact } from "../present";

/** An array parameter as clients send it: repeated, with or without `[]`. */
const arrayParam = (query: URLSearchParams, name: string) => [...query.getAll(name), ...query.getAll(`${name}[]`)];

/**
 * GET /v1/contacts: the workspace's contacts, at most 50 a page. `externalIds` and `sources` narrow the
 * list; "when no external IDs are provided, all contacts for the organization are returned".
 */
export const listContacts: QuoRoute = {
  endpoint: "listContacts",
  operation: "contacts",
  needsCallIntelligence: false,
  handle: ({ url, store }) => {
    const externalIds = arrayParam(url.searchParams, "externalIds");
    const sources = arrayParam(url.searchParams, "sources");
    const contacts = store.contacts.filter(
      (contact) =>
        (externalIds.length === 0 || (contact.externalId !== null && externalIds.includes(contact.externalId))) &&
        (sources.length === 0 || sources.includes(contact.source)),
    );
    const result = offsetPage(url.searchParams, contacts, 50);
    if (!("page" in result)) return result;
    return { status: 200, body: { data: result.page.map(presentContact), ...result.body } };
  },
};
