import type { Db } from "@/lib/db/open-database";
import { latestLandedWithContent, type SummaryKey } from "@/lib/db/queries/revisions";
import type { SummarySnapshot } from "@/lib/providers/types";

export type Authorship = {
  /** A Redline reviewer whose save this text is, or the provider's own record of who changed it. */
  changedBy: { name: string; via: "redline" | "provider" } | null;
  changedAt: string | null;
  version: number | null;
};

/** Who wrote a summary text, where anyone knows: Redline's journal first, then what the provider reports. */
export async function whoWrote(db: Db, key: SummaryKey, content: string | null, snapshot: SummarySnapshot): Promise<Authorship> {
  const known = content == null ? undefined : await latestLandedWithContent(db, key, content);
  if (known) {
    return {
      changedBy: known.authorName ? { name: known.authorName, via: "redline" } : null,
      changedAt: (known.completedAt ?? known.createdAt).toISOString(),
      version: known.providerVersion,
    };
  }
  return {
    changedBy: snapshot.updatedBy?.name ? { name: snapshot.updatedBy.name, via: "provider" } : null,
    changedAt: snapshot.updatedAt,
    version: snapshot.version,
  };
}
