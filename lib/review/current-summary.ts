import type { Db } from "@/lib/db/open-database";
import { latestLandedRevision, type SummaryKey } from "@/lib/db/queries/revisions";
import type { CallDetail, Capabilities } from "@/lib/providers/types";

/**
 * The text a reviewer edits and a save is checked against. For a provider Redline can write to, the
 * provider's own copy; for a read-only provider, Redline's latest correction, else the provider's text.
 * A write the provider accepted but has not applied yet counts as current while the provider still
 * shows the text it replaced, so the next save is not taken for a conflict.
 */
export async function currentSummaryText(
  db: Db,
  key: SummaryKey,
  capabilities: Capabilities,
  call: Pick<CallDetail, "summary">,
): Promise<string | null> {
  if (capabilities.write === "sync") return call.summary.content;
  const landed = await latestLandedRevision(db, key);
  if (capabilities.write === "async") {
    return landed?.status === "accepted" && call.summary.content === landed.baseContent ? landed.content : call.summary.content;
  }
  return landed ? landed.content : call.summary.content;
}
