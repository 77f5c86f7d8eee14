import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../open-database";
import { rowsOf } from "./rows-of";
import { personNames, type PersonName } from "../schema";

export type PersonKind = PersonName["kind"];

/** Keys per kind: what calls carry for their agent and their other party. */
export type PersonKeys = { agents: readonly string[]; counterparts: readonly string[] };

export type KnownNames = { agents: Map<string, string>; counterparts: Map<string, string> };

/** Keys in one statement: well under both drivers' limit on bound parameters. */
const CHUNK = 1_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += CHUNK) out.push(items.slice(at, at + CHUNK));
  return out;
}

/** The names kept for these keys, whatever their age (a stale name still beats none); unnamed keys are left out. */
export async function knownNames(db: Db, provider: string, keys: PersonKeys): Promise<KnownNames> {
  const known: KnownNames = { agents: new Map(), counterparts: new Map() };
  const wanted: [PersonKind, readonly string[]][] = [
    ["agent", [...new Set(keys.agents)]],
    ["counterpart", [...new Set(keys.counterparts)]],
  ];
  for (const [kind, list] of wanted) {
    for (const chunk of chunks(list)) {
      const rows = await db
        .select({ key: personNames.key, name: personNames.name })
        .from(personNames)
        .where(and(eq(personNames.provider, provider), eq(personNames.kind, kind), inArray(personNames.key, chunk), isNotNull(personNames.name)));
      const into = kind === "agent" ? known.agents : known.counterparts;
      for (const row of rows) into.set(row.key, row.name as string);
    }
  }
  return known;
}

/**
 * What to ask the provider about: keys the provider's unnamed calls carry that were never looked up, and
 * every kept entry fetched before `staleBefore`. A key looked up recently with nobody found is not asked
 * about again until it is stale.
 */
export async function namesToLookUp(db: Db, provider: string, staleBefore: Date): Promise<{ agents: string[]; counterparts: string[] }> {
  const result = await db.execute(sql`
    select 'agent' as kind, c.agent_id as key from calls c
      where c.provider = ${provider} and c.agent_id is not null and c.agent_name is null
        and not exists (select 1 from person_names n where n.provider = ${provider} and n.kind = 'agent' and n.key = c.agent_id)
    union
    select 'counterpart', coalesce(c.counterpart_id, c.counterpart_number) from calls c
      where c.provider = ${provider} and c.counterpart_name is null and coalesce(c.counterpart_id, c.counterpart_number) is not null
        and not exists (
          select 1 from person_names n
          where n.provider = ${provider} and n.kind = 'counterpart' and n.key = coalesce(c.counterpart_id, c.counterpart_number)
        )
    union
    select n.kind, n.key from person_names n where n.provider = ${provider} and n.fetched_at < ${staleBefore.toISOString()}`);
  const wanted = { agents: [] as string[], counterparts: [] as string[] };
  for (const row of rowsOf<{ kind: PersonKind; key: string }>(result)) (row.kind === "agent" ? wanted.agents : wanted.counterparts).push(row.key);
  return wanted;
}

/** Keeps what the provider answered, as of `fetchedAt`; a null name records that it knows nobody by the key. */
export async function storeNames(
  db: Db,
  provider: string,
  entries: readonly { kind: PersonKind; key: string; name: string | null }[],
  fetchedAt: Date,
): Promise<void> {
  for (const chunk of chunks(entries)) {
    await db
      .insert(personNames)
      .values(chunk.map((entry) => ({ provider, ...entry, fetchedAt })))
      .onConflictDoUpdate({
        target: [personNames.provider, personNames.kind, personNames.key],
        set: { name: sql`excluded.name`, fetchedAt: sql`excluded.fetched_at` },
      });
  }
}

/** Calls renamed per statement: each statement holds its rows' locks only briefly. */
const RENAME_BATCH = 5_000;

/**
 * Puts the kept names on the provider's calls whose agent or other party they name differently (or not at
 * all), and rebuilds those calls' search text from them: the same text `toCallRow`
 * (lib/review/queue/sync-calls.ts) builds, so the queue's search and agent filter find the names. A name
 * the provider does not know (null) leaves the call as it is. Returns how many calls changed.
 */
export async function nameCalls(db: Db, provider: string): Promise<number> {
  let renamed = 0;
  for (;;) {
    const result = await db.execute(sql`
      update calls set
        agent_name = named.agent_name,
        counterpart_name = named.counterpart_name,
        search_text = lower(concat_ws(' ', named.agent_name, named.counterpart_name, calls.counterpart_number, calls.call_id))
      from (
        select c.id, coalesce(a.name, c.agent_name) as agent_name, coalesce(p.name, c.counterpart_name) as counterpart_name
        from calls c
        left join person_names a on a.provider = c.provider and a.kind = 'agent' and a.key = c.agent_id
        left join person_names p on p.provider = c.provider and p.kind = 'counterpart' and p.key = coalesce(c.counterpart_id, c.counterpart_number)
        where c.provider = ${provider}
          and ((a.name is not null and a.name is distinct from c.agent_name) or (p.name is not null and p.name is distinct from c.counterpart_name))
        limit ${RENAME_BATCH}
      ) named
      where calls.id = named.id
      returning calls.id`);
    const count = rowsOf<{ id: number }>(result).length;
    renamed += count;
    if (count < RENAME_BATCH) return renamed;
  }
}

