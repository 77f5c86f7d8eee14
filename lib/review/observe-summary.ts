import type { Db } from "@/lib/db/open-database";
import { insertObservation, latestKnownText, type SummaryKey } from "@/lib/db/queries/revisions";
import type { Capabilities, SummarySnapshot } from "@/lib/providers/types";

/**
 * Journals a text seen at the provider when Redline did not write it: the AI original the first time
 * a summary is opened, and afterwards every outside change Redline notices, so history shows them.
 */
export async function observeSummary(
  db: Db,
  key: SummaryKey,
  capabilities: Capabilities,
  snapshot: SummarySnapshot,
): Promise<void> {
  if (snapshot.content == null) return;
  const known = await latestKnownText(db, key);
  // An accepted write is not visible yet: the provider's older text is expected, not an outside change.
  if (known?.status === "accepted") return;
  // Read-only providers keep their generated text while Redline's corrections pile up beside it.
  if (known && capabilities.write === "none") return;
  if (known?.content === snapshot.content) return;
  await insertObservation(db, {
    ...key,
    templateKey: snapshot.templateKey,
    kind: known ? "outside" : "original",
    content: snapshot.content,
    providerVersion: snapshot.version,
    providerUpdatedAt: snapshot.updatedAt ? new Date(snapshot.updatedAt) : null,
    providerUpdatedByName: snapshot.updatedBy?.name ?? null,
  });
}
