import type { ActionFailure } from "@/lib/auth/action-failure";
import type { SaveSummaryInput, SaveSummaryResult } from "@/lib/review/save/save-summary";

/** The server actions the review page hands the workspace (components never import from app/). */
export type WorkspaceActions = {
  save: (input: SaveSummaryInput) => Promise<SaveSummaryResult | ActionFailure>;
  next: () => Promise<{ ok: true; href: string } | ActionFailure>;
};
