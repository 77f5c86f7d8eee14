import type { AlloRoute } from "../handler";

/** Who the key is: a cheap probe for "is this key valid and what may it do". */
export const getMe: AlloRoute = {
  scope: null,
  handle: ({ key, store }) => ({
    status: 200,
    body: {
      data: {
        api_key_id: `api-${key.label}`,
        scopes: key.scopes,
        // Allo lists the endpoints a key may call; the emulator leaves the list empty.
        endpoints: [],
        team: { id: store.team.id, name: store.team.name },
        rate_limits: { read_per_second: 20, write_per_second: 5 },
      },
    },
  }),
};
