import type { ActionFailure } from "@/lib/auth/action-failure";
import type { SaveSummaryInput, SaveSummaryResult } from "@/lib/review/save/save-summary";

/** The server actions the review page hands the workspace (components never import from app/). */
export type WorkspaceActions = {
  save: (input: SaveSummaryInput) => Promise<SaveSummaryResult | ActionFailure>;
  /** The next unreviewed call, claimed; never the one being left. */
  next: (input: { leaving: { provider: string; callId: string } }) => Promise<{ ok: true; href: string } | ActionFailure>;
  /** The call before or after this one in the queue view the reviewer last looked at (`queue`: its query string). */
  adjacent: (input: {
    provider: string;
    callId: string;
    queue: string;
    direction: "next" | "previous";
  }) => Promise<{ ok: true; href: string | null; message?: string } | ActionFailure>;
};
