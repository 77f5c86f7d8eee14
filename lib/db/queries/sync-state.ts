import { eq, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { syncState, type SyncState } from "../schema";

/**
 * Takes the sync lease for a provider, atomically, so two app instances never run the same pass.
 * A pass that failed, or whose holder stopped sending heartbeats (a crash), is resumed from its page;
 * otherwise a new pass starts at the newest page.
 */
export async function claimSync(db: Db, provider: string, leaseMs: number): Promise<SyncState | null> {
  await db.insert(syncState).values({ provider }).onConflictDoNothing();
  const staleBefore = new Date(Date.now() - leaseMs);
  const [claimed] = await db
    .update(syncState)
    .set({
      status: "running",
      heartbeatAt: new Date(),
      errorCode: null,
      errorMessage: null,
      nextPage: sql`case when ${syncState.status} in ('failed', 'running') then ${syncState.nextPage} else 1 end`,
      processed: sql`case when ${syncState.status} in ('failed', 'running') then ${syncState.processed} else 0 end`,
      passHighWaterMark: sql`case when ${syncState.status} in ('failed', 'running') then ${syncState.passHighWaterMark} else null end`,
      startedAt: sql`case when ${syncState.status} in ('failed', 'running') then ${syncState.startedAt} else now() end`,
      finishedAt: null,
    })
    .where(
      sql`${syncState.provider} = ${provider} and (${syncState.status} <> 'running' or ${syncState.heartbeatAt} is null or ${syncState.heartbeatAt} < ${staleBefore})`,
    )
    .returning();
  return claimed ?? null;
}

export async function updateSync(db: Db, provider: string, patch: Partial<Omit<SyncState, "provider">>): Promise<void> {
  await db.update(syncState).set(patch).where(eq(syncState.provider, provider));
}

export async function syncStates(db: Db): Promise<SyncState[]> {
  return db.select().from(syncState).orderBy(syncState.provider);
}
