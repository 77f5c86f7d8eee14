import { ttid } from "../data/sections/twilio-section";
import { twilioFailure, type TwilioFailure } from "./errors";

const patterns = { storeId: ttid.store, profileId: ttid.profile, summaryId: ttid.summary } as const;

/** Path ids must be well-formed Twilio Type IDs: a malformed one is a 400, an unknown one a 404. */
export function checkIds(params: Readonly<Record<string, string>>): TwilioFailure | null {
  for (const [name, pattern] of Object.entries(patterns)) {
    const value = params[name];
    if (value !== undefined && !pattern.test(value)) {
      return twilioFailure(400, `Invalid ${name} '${value}': expected a value matching ${pattern.source}`);
    }
  }
  return null;
}
