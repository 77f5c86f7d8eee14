import "server-only";
import type { z } from "zod";
import { authorizedAction, type ActionFailure, type ActionSpec } from "./authorized-action";
import { requireRecentAuthentication, type ReauthenticationNeeded } from "./recent-authentication";
import type { Actor } from "./require-role";

/**
 * A server action that changes who can do what (accounts, roles, sign-in rules): admins only, and only
 * after a recent proof of identity, or it answers "reauthenticate" and the page asks for the password.
 */
export function adminChangeAction<S extends z.ZodType, R extends { ok: boolean }>(
  spec: Omit<ActionSpec<S>, "role">,
  run: (input: z.output<S>, actor: Actor) => Promise<R>,
): (input?: unknown) => Promise<R | ActionFailure | ReauthenticationNeeded> {
  return authorizedAction({ ...spec, role: "admin" }, async (input, actor) => (await requireRecentAuthentication()) ?? run(input, actor));
}
