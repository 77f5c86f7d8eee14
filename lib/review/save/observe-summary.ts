import type { Db } from "@/lib/db/open-database";
import { insertObservation, type KnownText, type SummaryKey } from "@/lib/db/queries/revisions";
import type { Capabilities, SummarySnapshot } from "@/lib/providers/types";
import type { CurrentSummary } from "./current-summary";

export type Observed = {
  key: SummaryKey;
  /** The call the text was seen through. */
  callId: string;
  capabilities: Capabilities;
  snapshot: SummarySnapshot;
  /** The journal's latest texts of the target, newest first. */
  recent: readonly KnownText[];
  current: CurrentSummary;
};

/**
 * Journals a text seen at the provider when Redline did not write it: the AI original the first time
 * a summary is opened, and afterwards every outside change Redline notices, so history shows them.
 */
export async function observeSummary(db: Db, { key, callId, capabilities, snapshot, recent, current }: Observed): Promise<void> {
  if (snapshot.content == null) return;
  // The provider still shows a step of our own accepted chain: expected, not an outside change.
  if (current.accepted.length > 0) return;
  const known = recent[0];
  // Read-only providers keep their generated text while Redline's corrections pile up beside it.
  if (known && capabilities.write === "none") return;
  if (known?.content === snapshot.content) return;
  await insertObservation(db, {
    ...key,
    callId,
    templateKey: snapshot.templateKey,
    kind: known ? "outside" : "original",
    content: snapshot.content,
    providerVersion: snapshot.version,
    providerUpdatedAt: snapshot.updatedAt ? new Date(snapshot.updatedAt) : null,
    providerUpdatedByName: snapshot.updatedBy?.name ?? null,
  });
}
