import type { HttpClient } from "../http-client";
import { isProviderError } from "../provider-error";
import type { PeopleAnswer, PeopleRequest } from "../types";
import { mapConcurrently } from "./map-concurrently";
import { profileIdSchema, profileSchema, type Profile } from "./schemas";

/** The out-of-the-box trait group Twilio keeps a customer's identity in. */
const CONTACT_TRAITS = "Contact";

/** `firstName` and `lastName` of the Contact group; traits are typed loosely (any scalar), so only text counts. */
function contactName(profile: Profile): string | null {
  const contact = profile.traits?.[CONTACT_TRAITS] ?? {};
  const part = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  return [part(contact.firstName), part(contact.lastName)].filter(Boolean).join(" ") || null;
}

/**
 * A Twilio "call" is a profile's conversation summary, and the profile is the customer: its name is in the
 * profile's Contact traits (`GET /v1/Stores/{storeId}/Profiles/{profileId}?traitGroups=Contact`), one read
 * per profile, `atOnce` at a time. Memory names no agent for a summary, so agents are not looked up. A
 * profile that fails to read is left out (the client has logged it) and asked again next time; only when
 * every read fails does this throw.
 */
export async function readTwilioPeople(
  http: HttpClient,
  profilePath: (profileId: string) => string,
  request: PeopleRequest,
  atOnce: number,
): Promise<PeopleAnswer> {
  const counterparts = new Map<string, string | null>();
  const profileIds = [...new Set(request.counterparts)];
  const failures: unknown[] = [];
  await mapConcurrently(profileIds, atOnce, async (profileId) => {
    if (!profileIdSchema.safeParse(profileId).success) return counterparts.set(profileId, null);
    try {
      const profile = await http.request({ method: "GET", path: profilePath(profileId), query: { traitGroups: CONTACT_TRAITS }, schema: profileSchema });
      counterparts.set(profileId, contactName(profile));
    } catch (error) {
      // A profile deleted since: nobody to name.
      if (isProviderError(error) && error.kind === "not_found") counterparts.set(profileId, null);
      else failures.push(error);
    }
  });
  if (profileIds.length > 0 && failures.length === profileIds.length) throw failures[0];
  return { agents: new Map(), counterparts };
}
