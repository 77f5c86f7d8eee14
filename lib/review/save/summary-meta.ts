import type { LandedRevision } from "@/lib/db/queries/revisions";

/** What the metadata bar shows about the last save Redline saw. */
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
  };
}
