import type { Capabilities } from "../types";
import { QUO_MAX_SUMMARY_LENGTH } from "./validation";

/**
 * What Quo can do with a summary: nothing but show it. Corrections become revisions in Redline's own
 * store, so Redline's revision is the only witness of a change. Holds no secret, so the UI may import it.
 */
export const openPhoneCapabilities: Capabilities = {
  write: "none",
  // Quo returns bullet lists (`summary[]`, `nextSteps[]`); Redline shows them as markdown sections.
  format: "markdown",
  maxLength: QUO_MAX_SUMMARY_LENGTH,
  templates: [],
  versionWitness: "revision",
};
