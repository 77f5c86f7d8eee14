import type { Capabilities } from "../types";
import { TWILIO_MAX_SUMMARY_LENGTH } from "./validation";

/**
 * What Twilio Conversation Memory can do with a summary: plain text up to 4,096 characters, replaced by a
 * PATCH that Twilio accepts at once (202) and applies later. Holds no secret, so the UI may import it.
 */
export const twilioCapabilities: Capabilities = {
  write: "async",
  format: "plain",
  maxLength: TWILIO_MAX_SUMMARY_LENGTH,
  templates: [],
  versionWitness: "updated_at",
};
