import { z } from "zod";
import type { Actor } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/open-database";
import { readAppSetting, writeAppSetting } from "@/lib/db/queries/app-settings";

/** Until a lead sets it: one decision in ten. */
const defaultShare = 0.1;

/** The share of each reviewer's decisions a lead looks at again (0 to 1). */
export async function secondLookShare(db: Db): Promise<number> {
  return (await readAppSetting(db, "second_look_share")) ?? defaultShare;
}

/** As the form sends it: a whole or fractional percent. */
export const shareInputSchema = z.object({ percent: z.number().min(0).max(100) });

export type ShareChange = { ok: true; share: number } | { ok: false; error: { code: "forbidden"; message: string } };

export async function changeSecondLookShare(db: Db, actor: Actor, input: z.output<typeof shareInputSchema>): Promise<ShareChange> {
  if (!hasRole(actor.role, "lead")) return { ok: false, error: { code: "forbidden", message: "Only leads and admins set the share of second looks." } };
  // Basis points are what sampling counts in: a finer share would not be honoured.
  const share = Math.round(input.percent * 100) / 10_000;
  await writeAppSetting(db, "second_look_share", share, actor.id);
  return { ok: true, share };
}
