import type { QuoRoute } from "../handler";
import { offsetPage } from "../offset-page";
import { presentUser } from "../present";

/** GET /v1/users: the workspace's users, at most 50 a page (`maxResults` is required). */
export const listUsers: QuoRoute = {
  endpoint: "listUsers",
  operation: "users",
  needsCallIntelligence: false,
  handle: ({ url, store }) => {
    const result = offsetPage(url.searchParams, [...store.users.values()], 50);
    if (!("page" in result)) return result;
    return { status: 200, body: { data: result.page.map(presentUser), ...result.body } };
  },
};
