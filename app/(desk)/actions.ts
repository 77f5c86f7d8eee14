"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { signOut } from "@/lib/auth/auth";
import { getDatabase } from "@/lib/db/database";
import { configuredProviders } from "@/lib/providers/registry";
import { nextCallHref } from "@/lib/review/calls/next-call";

/** Where "start reviewing" and "next" go: the newest unreviewed call nobody else is reviewing, claimed at once. */
export const nextCallAction = authorizedAction({ name: "nextCall", role: "reviewer", input: z.undefined() }, async (_input, actor) => ({
  ok: true as const,
  href: await nextCallHref(await getDatabase(), actor, configuredProviders()),
}));

/** Outside the role-checked actions: it answers by redirecting, and a session that has already ended still lands on /login. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
