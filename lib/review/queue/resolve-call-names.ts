import type { Database } from "@/lib/db/open-database";
import { nameCalls, namesToLookUp, storeNames, type PersonKind } from "@/lib/db/queries/person-names";
import { logger } from "@/lib/logger";
import { isProviderError } from "@/lib/providers/provider-error";
import type { PeopleAnswer, ProviderAdapter } from "@/lib/providers/types";

/** A kept name older than this is looked up again by the next sync. */
export const NAMES_STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export type NameResolution =
  | { status: "resolved"; lookedUp: number; renamed: number }
  /** The provider's call list names its people itself (Allo): it has no `people()`. */
  | { status: "not_needed" }
  /** The provider's directory could not be read, or the names not kept: the next sync tries again. */
  | { status: "failed" };

function entriesOf(answer: PeopleAnswer): { kind: PersonKind; key: string; name: string | null }[] {
  return [
    ...[...answer.agents].map(([key, name]) => ({ kind: "agent" as const, key, name })),
    ...[...answer.counterparts].map(([key, name]) => ({ kind: "counterpart" as const, key, name })),
  ];
}

/**
 * Names the provider's calls: asks the provider's directory about the people its calls refer to that
 * Redline has never looked up, or looked up more than a day ago; keeps the answers; and puts the names on
 * the calls and into their search text. Run after a sync pass, in the background. It never throws: names
 * are a help to reviewers, never a reason for a sync to fail, so a failure is logged and the next pass
 * tries again.
 */
export async function resolveCallNames(
  deps: { database: Database; adapter: ProviderAdapter },
  options: { now?: () => Date } = {},
): Promise<NameResolution> {
  const { adapter } = deps;
  const { db } = deps.database;
  if (!adapter.people) return { status: "not_needed" };
  const now = options.now?.() ?? new Date();
  try {
    const wanted = await namesToLookUp(db, adapter.id, new Date(now.getTime() - NAMES_STALE_AFTER_MS));
    const lookedUp = wanted.agents.length + wanted.counterparts.length;
    if (lookedUp > 0) await storeNames(db, adapter.id, entriesOf(await adapter.people(wanted)), now);
    // Also when nothing was looked up: a call listed again without names gets them back here.
    const renamed = await nameCalls(db, adapter.id);
    return { status: "resolved", lookedUp, renamed };
  } catch (error) {
    if (isProviderError(error)) {
      logger.warn({ provider: adapter.id, code: error.code, kind: error.kind, requestId: error.requestId }, "names not resolved: the next sync tries again");
    } else {
      logger.error({ err: error, provider: adapter.id }, "names not resolved: the next sync tries again");
    }
    return { status: "failed" };
  }
}
