import type { LandedRevision } from "@/lib/db/queries/revisions";

/** What the metadata bar shows about the text on screen: the last save Redline saw, or a change made outside it since. */
export type SummaryMeta = {
  revision: number;
  version: number | null;
  updatedAt: string | null;
  /** The provider's account that made the write (for Allo: the owner of Redline's API key). */
  providerUpdatedBy: string | null;
  /** The Redline user who saved it. */
  savedBy: string | null;
  savedAt: string;
  templateKey: string | null;
  /** Writes the provider counted that Redline did not make, seen at this save. */
  outsideWrites: number | null;
  /** The text shown was changed outside Redline after its last save (in the provider's own app). */
  changedOutside: boolean;
};

export function toSummaryMeta(row: LandedRevision): SummaryMeta {
  return {
    revision: row.revision ?? 0,
    version: row.providerVersion,
    updatedAt: row.providerUpdatedAt?.toISOString() ?? null,
    providerUpdatedBy: row.providerUpdatedByName,
    savedBy: row.authorName,
    savedAt: (row.completedAt ?? row.createdAt).toISOString(),
    templateKey: row.templateKey,
    outsideWrites: row.outsideWrites,
    changedOutside: false,
  };
}

/**
 * A text changed outside Redline after its last save: who and when as far as the provider says, or when
 * Redline first saw it. Redline's revision stays that of its last save.
 */
export function outsideChangeMeta(
  revision: number,
  seen: { providerVersion: number | null; providerUpdatedAt: Date | null; providerUpdatedByName: string | null; createdAt: Date },
): SummaryMeta {
  return {
    revision,
    version: seen.providerVersion,
    updatedAt: (seen.providerUpdatedAt ?? seen.createdAt).toISOString(),
    providerUpdatedBy: seen.providerUpdatedByName,
    savedBy: null,
    savedAt: seen.createdAt.toISOString(),
    templateKey: null,
    outsideWrites: null,
    changedOutside: true,
  };
}
