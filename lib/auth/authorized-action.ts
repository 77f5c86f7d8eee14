import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { logger } from "@/lib/logger";
import type { ActionFailure } from "./action-failure";
import { requireRole, type Actor } from "./require-role";
import type { Role } from "./roles";

export type { ActionFailure };

export type ActionSpec<S extends z.ZodType> = {
  /** Named in the log when the action fails unexpectedly. */
  name: string;
  /** The least role allowed; checked against the database on every call. */
  role: Role;
  input: S;
  /** What to tell the user when the input does not parse (default: reload, your work is kept). */
  invalidInput?: string;
};

/**
 * The one way to write a server action: parse the input, check the session and the role, run one use case,
 * and answer with a typed result. Expected failures are the use case's own typed results; anything thrown is
 * a bug, logged with an id and answered with a generic message that carries that id, never a stack.
 *
 * A small wrapper rather than next-safe-action: the UI branches on one `{ok, error: {code}}` union per
 * action (a conflict with the other text, a template to choose, "busy"); the library would put those inside
 * `data` and add its own second and third failure channels (`serverError`, `validationErrors`).
 */
export function authorizedAction<S extends z.ZodType, R extends { ok: boolean }>(
  spec: ActionSpec<S>,
  run: (input: z.output<S>, actor: Actor) => Promise<R>,
): (input?: unknown) => Promise<R | ActionFailure> {
  return async (raw?: unknown) => {
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: "invalid_input", message: spec.invalidInput ?? "The request was malformed. Reload the page; your work is kept." },
      };
    }
    const check = await requireRole(spec.role);
    if (!check.ok) return { ok: false, error: check.error };
    try {
      return await run(parsed.data, check.actor);
    } catch (error) {
      const errorId = randomUUID().slice(0, 8);
      logger.error({ err: error, errorId, action: spec.name }, "action failed unexpectedly");
      return {
        ok: false,
        error: { code: "internal", errorId, message: `Something went wrong on the server (error ${errorId}). Your work is kept; try again.` },
      };
    }
  };
}
