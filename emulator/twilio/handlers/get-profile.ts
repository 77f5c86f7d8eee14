import { twilioFailure } from "../errors";
import type { TwilioRoute } from "../handler";
import { presentProfile } from "../present";
import { checkIds } from "../resource-ids";

/**
 * GET /v1/Stores/{storeId}/Profiles/{profileId}: the profile's traits. `traitGroups` (1 to 256 characters)
 * is a comma-separated allow list of trait group names.
 */
export const getProfile: TwilioRoute = {
  endpoint: "getProfile",
  write: false,
  handle: ({ url, params, store }) => {
    const invalid = checkIds(params);
    if (invalid) return invalid;
    const { storeId = "", profileId = "" } = params;
    const traitGroups = url.searchParams.get("traitGroups");
    if (traitGroups !== null && (traitGroups.length < 1 || traitGroups.length > 256)) {
      return twilioFailure(400, "Invalid traitGroups: expected 1 to 256 characters");
    }
    if (!store.hasStore(storeId)) return twilioFailure(404, `Memory Store ${storeId} not found`);
    const profile = store.profile(storeId, profileId);
    if (profile === undefined) return twilioFailure(404, `Profile ${profileId} not found`);
    const groups = traitGroups === null ? null : traitGroups.split(",").map((name) => name.trim()).filter((name) => name !== "");
    return { status: 200, headers: { "Canonical-Profile-Id": profileId }, body: presentProfile(profile, groups) };
  },
};
