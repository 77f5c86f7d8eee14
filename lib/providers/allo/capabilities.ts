import type { Capabilities } from "../types";
import { ALLO_MAX_SUMMARY_LENGTH } from "./validation";

/** What Allo can do with a summary. Holds no secret, so the UI may import it. */
export const alloCapabilities: Capabilities = {
  write: "sync",
  format: "markdown",
  maxLength: ALLO_MAX_SUMMARY_LENGTH,
  // Allo's two summary templates (its "update call summary" page); a call may have one or both.
  templates: [
    { key: "MARKDOWN_CLASSIC", label: "Classic — the full structured summary" },
    { key: "MARKDOWN_SHORT_CALL", label: "Short call — one paragraph" },
  ],
  versionWitness: "version",
};
