import type { Database } from "@/lib/db/open-database";
import { openSecondLooks, type OpenSecondLook } from "@/lib/db/queries/second-looks";
import { secondLookShare } from "./second-look-share";

export type { OpenSecondLook };

const pageSize = 50;

/** The lead's queue: the oldest open second looks, how many are open, and the share being sampled. */
export async function secondLookQueue(database: Database): Promise<{ items: OpenSecondLook[]; open: number; share: number }> {
  const [queue, share] = await Promise.all([openSecondLooks(database.db, pageSize), secondLookShare(database.db)]);
  return { ...queue, share };
}
