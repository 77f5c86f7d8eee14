import type { HttpClient } from "../http-client";
import type { PeopleAnswer, PeopleRequest } from "../types";
import { listContactsResponseSchema, listUsersResponseSchema, type QuoContact } from "./schemas";

/** The largest page Quo's users and contacts lists take. */
const DIRECTORY_PAGE_SIZE = 50;

const fullName = (first: string | null | undefined, last: string | null | undefined) =>
  [first, last].map((part) => part?.trim()).filter(Boolean).join(" ") || null;

/** Quo writes numbers in E.164 on calls and contacts alike; digits alone also match one saved with spaces or dashes. */
const digits = (number: string) => number.replace(/\D/g, "");

/**
 * Reads a Quo list page by page until `done` says everything wanted has been seen or the list ends. Quo
 * has no lookup by number or by id list, so names come from walking the directory.
 */
async function walk<T>(read: (pageToken: string | null) => Promise<{ data: T[]; nextPageToken: string | null }>, take: (items: T[]) => boolean) {
  const seenTokens = new Set<string>();
  let pageToken: string | null = null;
  do {
    const page = await read(pageToken);
    if (take(page.data)) return;
    pageToken = page.nextPageToken;
    // A token seen before would page forever.
    if (pageToken !== null && seenTokens.has(pageToken)) return;
    if (pageToken !== null) seenTokens.add(pageToken);
  } while (pageToken !== null);
}

/**
 * Names for Quo users (`US…`, a call's `userId`) from `GET /v1/users`, and for the numbers calls were
 * with from the workspace's contacts (`GET /v1/contacts`, all of them when no filter is given): a
 * contact's first and last name, or its company when it has no name.
 */
export async function readQuoPeople(http: HttpClient, request: PeopleRequest): Promise<PeopleAnswer> {
  const agents = new Map<string, string | null>(request.agents.map((id) => [id, null]));
  const pending = new Set(agents.keys());
  if (pending.size > 0) {
    await walk(
      (pageToken) =>
        http.request({ method: "GET", path: "/v1/users", query: { maxResults: DIRECTORY_PAGE_SIZE, pageToken: pageToken ?? undefined }, schema: listUsersResponseSchema }),
      (users) => {
        for (const user of users) {
          if (!pending.delete(user.id)) continue;
          agents.set(user.id, fullName(user.firstName, user.lastName));
        }
        return pending.size === 0;
      },
    );
  }

  const wanted = new Map<string, string[]>();
  for (const number of request.counterparts) wanted.set(digits(number), [...(wanted.get(digits(number)) ?? []), number]);
  const counterparts = new Map<string, string | null>(request.counterparts.map((number) => [number, null]));
  if (wanted.size > 0) {
    const found = new Set<string>();
    const nameOf = (contact: QuoContact) => fullName(contact.defaultFields.firstName, contact.defaultFields.lastName) ?? contact.defaultFields.company?.trim() ?? null;
    await walk(
      (pageToken) =>
        http.request({ method: "GET", path: "/v1/contacts", query: { maxResults: DIRECTORY_PAGE_SIZE, pageToken: pageToken ?? undefined }, schema: listContactsResponseSchema }),
      (contacts) => {
        for (const contact of contacts) {
          const name = nameOf(contact);
          for (const field of contact.defaultFields.phoneNumbers ?? []) {
            const key = field.value ? digits(field.value) : "";
            // Two contacts may hold one number: the first in Quo's order names it.
            if (name === null || found.has(key) || !wanted.has(key)) continue;
            found.add(key);
            for (const number of wanted.get(key) ?? []) counterparts.set(number, name);
          }
        }
        return found.size === wanted.size;
      },
    );
  }
  return { agents, counterparts };
}
