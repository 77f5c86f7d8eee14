"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { signOut } from "@/lib/auth/auth";
import { endCurrentSession } from "@/lib/auth/end-session";
import { getDatabase } from "@/lib/db/database";
import { configuredProviders } from "@/lib/providers/registry";
import { providerIdSchema } from "@/lib/providers/provider-id";
import { nextCallHref } from "@/lib/review/calls/next-call";
import { adjacentCall, queueQuerySchema } from "@/lib/review/queue/list-queue";

const callRefSchema = z.object({ provider: providerIdSchema, callId: z.string().trim().min(1).max(200) });

/**
 * Where "start reviewing" and "next" go: the newest unreviewed call nobody else is reviewing, claimed at once;
 * never the call the reviewer is leaving.
 */
export const nextCallAction = authorizedAction(
  { name: "nextCall", role: "reviewer", input: z.object({ leaving: callRefSchema.optional() }).optional() },
  async (input, actor) => ({
    ok: true as const,
    href: await nextCallHref(await getDatabase(), actor, configuredProviders(), input?.leaving),
  }),
);

/** The call before or after this one in the queue as the reviewer last filtered and sorted it (Alt+↑, Alt+↓). */
export const adjacentCallAction = authorizedAction(
  {
    name: "adjacentCall",
    role: "viewer",
    input: callRefSchema.extend({ queue: z.string().max(2_000), direction: z.enum(["next", "previous"]) }),
  },
  async ({ provider, callId, queue, direction }) => {
    const query = queueQuerySchema.parse(Object.fromEntries(new URLSearchParams(queue)));
    const call = await adjacentCall(await getDatabase(), configuredProviders(), query, { provider, callId }, direction);
    return call
      ? { ok: true as const, href: `/calls/${call.provider}/${encodeURIComponent(call.callId)}` }
      : { ok: true as const, href: null, message: direction === "next" ? "This is the last call in the queue as you filtered it." : "This is the first call in the queue as you filtered it." };
  },
);

/** Outside the role-checked actions: it answers by redirecting, and a session that has already ended still lands on /login. */
export async function signOutAction(): Promise<void> {
  await endCurrentSession();
  await signOut({ redirectTo: "/login" });
}

/**
 * Typing and clicking in the page count as activity for the idle timeout, though they send nothing:
 * the page reports them now and then, and this check of the session is what moves its clock.
 */
export const stillHereAction = authorizedAction({ name: "stillHere", role: "viewer", input: z.undefined() }, async () => ({ ok: true as const }));
