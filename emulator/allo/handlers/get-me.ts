import type { AlloRoute } from "../handler";
import type { AlloScope } from "../keys";

type EndpointEntry = { method: "GET" | "POST" | "PUT" | "DELETE"; path: string; description: string; scope: AlloScope };

/**
 * The emulated endpoints a key may call. The documented `method` enum has no PATCH, so the summary
 * update is not listed, even for keys that may call it.
 */
const endpoints: readonly EndpointEntry[] = [
  { method: "POST", path: "/v2/api/conversations/items/search", description: "Search calls and messages across conversations", scope: "CONVERSATIONS_READ" },
  { method: "GET", path: "/v2/api/conversations/items/{id}", description: "Get a call or message", scope: "CONVERSATIONS_READ" },
  { method: "POST", path: "/v2/api/conversations/items/batch", description: "Get many conversation items", scope: "CONVERSATIONS_READ" },
];

/** Who the key is: a cheap probe for "is this key valid and what may it do". */
export const getMe: AlloRoute = {
  endpoint: "me",
  scope: null,
  handle: ({ key, store }) => ({
    status: 200,
    body: {
      data: {
        api_key_id: `api-${key.label}`,
        scopes: key.scopes,
        endpoints: endpoints.filter((entry) => key.scopes.includes(entry.scope)),
        team: { id: store.team.id, name: store.team.name },
        rate_limits: { read_per_second: 20, write_per_second: 5 },
      },
    },
  }),
};
