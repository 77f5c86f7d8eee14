import type { Capabilities } from "../types";
import { templateKeySchema } from "./schemas";
import { ALLO_MAX_SUMMARY_LENGTH } from "./validation";

/** What Allo can do with a summary. Holds no secret, so the UI may import it. */
export const alloCapabilities: Capabilities = {
  write: "sync",
  format: "markdown",
  maxLength: ALLO_MAX_SUMMARY_LENGTH,
  templates: templateKeySchema.options,
  versionWitness: "version",
};
