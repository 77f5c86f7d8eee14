import type { Database } from "@/lib/db/open-database";
import { agreementByReviewer, type ReviewerAgreement } from "@/lib/db/queries/second-looks";

export type AgreementRow = ReviewerAgreement & { rate: number | null };

/** Per reviewer, how often a lead's second look agreed with their decision (null: none looked at yet). */
export async function reviewerAgreement(database: Database): Promise<AgreementRow[]> {
  const rows = await agreementByReviewer(database.db);
  return rows.map((row) => ({ ...row, rate: row.lookedAt === 0 ? null : row.agreed / row.lookedAt }));
}
