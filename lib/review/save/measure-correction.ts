import type { Db } from "@/lib/db/open-database";
import { activeClaims } from "@/lib/db/queries/claims";
import { aiOriginal, type SummaryKey } from "@/lib/db/queries/revisions";
import { editSize } from "../text/edit-size";

export type CorrectionMeasure = { charsChanged: number; linesChanged: number; reviewSeconds: number | null };

/**
 * What insights read of a save, measured once when it is journalled rather than on every insights view:
 * how far the text is from the AI's original, and how long the reviewer had held the call.
 */
export async function measureCorrection(
  db: Db,
  key: SummaryKey,
  save: { callId: string; baseContent: string | null; content: string; authorId: string },
  now = new Date(),
): Promise<CorrectionMeasure> {
  const [original, claims] = await Promise.all([aiOriginal(db, key), activeClaims(db, key.provider, [save.callId])]);
  const size = editSize(original ?? save.baseContent ?? "", save.content);
  const claim = claims.get(save.callId);
  const reviewSeconds = claim && claim.userId === save.authorId ? Math.max(0, Math.round((now.getTime() - claim.claimedAt.getTime()) / 1000)) : null;
  return { charsChanged: size.chars, linesChanged: size.lines, reviewSeconds };
}
