import type { Db } from "@/lib/db/open-database";
import { latestLandedRevision, type SummaryKey } from "@/lib/db/queries/revisions";
import type { CallDetail, Capabilities } from "@/lib/providers/types";

/**
 * The text a reviewer edits and a save is checked against. For a provider Redline can write to, the
 * provider's own copy; for a read-only provider, Redline's latest correction, else the provider's text.
 */
export async function currentSummaryText(
  db: Db,
  key: SummaryKey,
  capabilities: Capabilities,
  call: Pick<CallDetail, "summary">,
): Promise<string | null> {
  if (capabilities.write !== "none") return call.summary.content;
  const landed = await latestLandedRevision(db, key);
  return landed ? landed.content : call.summary.content;
}
