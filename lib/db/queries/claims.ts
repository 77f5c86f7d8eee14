import { and, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { calls, reviews, users } from "../schema";

export type Claim = { userId: string; userName: string; expiresAt: Date; claimedAt: Date };

const callReview = (provider: string, callId: string) =>
  and(eq(reviews.provider, provider), eq(reviews.callId, callId), isNull(reviews.templateKey));

/**
 * Takes or renews the soft claim on a call for a user, unless someone else holds a live one.
 * Returns whoever holds the claim afterwards. The claim is a lease: it lapses unless renewed.
 */
export async function claimCall(
  db: Db,
  call: { provider: string; callId: string },
  userId: string,
  leaseMs: number,
): Promise<Claim | null> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + leaseMs);
  await db
    .insert(reviews)
    .values({ provider: call.provider, callId: call.callId, templateKey: null })
    .onConflictDoNothing();
  await db
    .update(reviews)
    .set({
      claimedBy: userId,
      claimExpiresAt: expiresAt,
      // A renewal keeps when the claim began; a new claim starts now.
      claimedAt: sql`case when ${reviews.claimedBy} = ${userId} and ${reviews.claimExpiresAt} > ${now} then ${reviews.claimedAt} else ${now} end`,
    })
    .where(and(callReview(call.provider, call.callId), or(isNull(reviews.claimedBy), eq(reviews.claimedBy, userId), sql`${reviews.claimExpiresAt} <= ${now}`)));
  return (await activeClaims(db, call.provider, [call.callId])).get(call.callId) ?? null;
}

export async function releaseClaim(db: Db, call: { provider: string; callId: string }, userId: string): Promise<void> {
  await db
    .update(reviews)
    .set({ claimedBy: null, claimExpiresAt: null, claimedAt: null })
    .where(and(callReview(call.provider, call.callId), eq(reviews.claimedBy, userId)));
}

/** Live claims on some calls of a provider, by call id. */
export async function activeClaims(db: Db, provider: string, callIds: string[]): Promise<Map<string, Claim>> {
  if (callIds.length === 0) return new Map();
  const rows = await db
    .select({ callId: reviews.callId, userId: users.id, userName: users.name, expiresAt: reviews.claimExpiresAt, claimedAt: reviews.claimedAt })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.claimedBy))
    .where(and(eq(reviews.provider, provider), inArray(reviews.callId, callIds), isNull(reviews.templateKey), gt(reviews.claimExpiresAt, new Date())));
  return new Map(rows.map((row) => [row.callId, { userId: row.userId, userName: row.userName, expiresAt: row.expiresAt!, claimedAt: row.claimedAt ?? row.expiresAt! }]));
}

/** The newest unreviewed call nobody else is reviewing: where "start reviewing" takes a reviewer. */
export async function nextUnclaimedCall(
  db: Db,
  providers: string[],
  userId: string,
): Promise<{ provider: string; callId: string } | undefined> {
  if (providers.length === 0) return undefined;
  const now = new Date();
  const [row] = await db
    .select({ provider: calls.provider, callId: calls.callId })
    .from(calls)
    .leftJoin(reviews, and(eq(reviews.provider, calls.provider), eq(reviews.callId, calls.callId), isNull(reviews.templateKey)))
    .where(
      and(
        inArray(calls.provider, providers),
        eq(calls.reviewStatus, "unreviewed"),
        eq(calls.hasSummary, true),
        or(isNull(reviews.claimedBy), eq(reviews.claimedBy, userId), sql`${reviews.claimExpiresAt} <= ${now}`),
      ),
    )
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(1);
  return row;
}
