import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { rowsOf } from "./rows-of";
import { reviews, users } from "../schema";

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
  // Only a call the queue's index holds can be claimed: an id no provider listed writes no row.
  await db.execute(sql`
    insert into reviews (provider, call_id, template_key)
    select ${call.provider}, ${call.callId}, null
    where exists (select 1 from calls where provider = ${call.provider} and call_id = ${call.callId})
    on conflict do nothing`);
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

/**
 * Picks the newest unreviewed call nobody else is reviewing and claims it for the user, in one statement:
 * two reviewers asking at once are never sent to the same call. The candidate's row is locked (`skip locked`
 * passes over one another request is taking), and the claim is written only if nobody holds a live one; a
 * candidate lost to a claim that committed in between is retried with the next.
 */
export async function claimNextCall(
  db: Db,
  providers: string[],
  userId: string,
  leaseMs: number,
  /** The call the reviewer is leaving: "next" never sends them back to it. */
  leaving?: { provider: string; callId: string },
): Promise<{ provider: string; callId: string } | undefined> {
  if (providers.length === 0) return undefined;
  const notLeaving = leaving ? sql`and not (c.provider = ${leaving.provider} and c.call_id = ${leaving.callId})` : sql``;
  const providerList = sql.join(
    providers.map((provider) => sql`${provider}`),
    sql`, `,
  );
  for (let tries = 0; tries < 10; tries++) {
    const now = new Date().toISOString();
    const expiresAt = new Date(Date.now() + leaseMs).toISOString();
    const result = await db.execute(sql`
      with candidate as (
        select c.provider, c.call_id from calls c
        left join reviews r on r.provider = c.provider and r.call_id = c.call_id and r.template_key is null
        where c.provider in (${providerList}) and c.review_status = 'unreviewed' and c.summary_status = 'ready'
          and (r.claimed_by is null or r.claimed_by = ${userId} or r.claim_expires_at <= ${now}::timestamptz)
          ${notLeaving}
        order by c.started_at desc, c.id desc
        limit 1
        for update of c skip locked
      ), claimed as (
        insert into reviews (provider, call_id, template_key, claimed_by, claim_expires_at, claimed_at)
        select provider, call_id, null, ${userId}, ${expiresAt}::timestamptz, ${now}::timestamptz from candidate
        on conflict (provider, call_id, template_key) do update
          set claimed_by = excluded.claimed_by, claim_expires_at = excluded.claim_expires_at,
              claimed_at = case when reviews.claimed_by = excluded.claimed_by and reviews.claim_expires_at > excluded.claimed_at
                           then reviews.claimed_at else excluded.claimed_at end
          where reviews.claimed_by is null or reviews.claimed_by = excluded.claimed_by or reviews.claim_expires_at <= excluded.claimed_at
        returning provider, call_id
      )
      select candidate.provider, candidate.call_id as "callId", exists (select 1 from claimed) as claimed from candidate`);
    // Both drivers answer raw SQL with `{ rows }`; the shared database type leaves it unknown.
    const [row] = rowsOf<{ provider: string; callId: string; claimed: boolean }>(result);
    if (!row) return undefined;
    if (row.claimed) return { provider: row.provider, callId: row.callId };
  }
  return undefined;
}
