import type { Capabilities } from "../types";
import { BLAND_MAX_SUMMARY_LENGTH } from "./validation";

/**
 * What Bland can do with a summary: the reviewed text is the plain-text summary of the contact memory the
 * call fed, replaced at once by a PATCH. Holds no secret, so the UI may import it.
 */
export const blandCapabilities: Capabilities = {
  write: "sync",
  format: "plain",
  maxLength: BLAND_MAX_SUMMARY_LENGTH,
  templates: [],
  versionWitness: "updated_at",
};
