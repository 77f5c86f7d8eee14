import { knownNames } from "@/lib/db/queries/person-names";
import type { Db } from "@/lib/db/open-database";
import type { CallListItem } from "@/lib/providers/types";

/** What a call's people are kept under: the agent's id; the other party's id, or their number where the call names no id. */
function personKeys(call: Pick<CallListItem, "agent" | "counterpart">): { agent: string | null; counterpart: string | null } {
  return { agent: call.agent?.id ?? null, counterpart: call.counterpart.id ?? call.counterpart.number ?? null };
}

/**
 * Calls as the provider listed or read them, with the names Redline keeps for their people put where the
 * provider left them out: a call listed again keeps the names its people were given, and a call opened
 * for review is named without asking the provider. One read of the kept names, none when nothing is missing.
 */
export async function withKnownNames<T extends Pick<CallListItem, "agent" | "counterpart">>(db: Db, provider: string, calls: readonly T[]): Promise<T[]> {
  const agents: string[] = [];
  const counterparts: string[] = [];
  for (const call of calls) {
    const keys = personKeys(call);
    if (call.agent && call.agent.name === null && keys.agent !== null) agents.push(keys.agent);
    if (call.counterpart.name === null && keys.counterpart !== null) counterparts.push(keys.counterpart);
  }
  if (agents.length === 0 && counterparts.length === 0) return [...calls];
  const known = await knownNames(db, provider, { agents, counterparts });
  return calls.map((call) => {
    const keys = personKeys(call);
    const agentName = call.agent && call.agent.name === null && keys.agent !== null ? known.agents.get(keys.agent) : undefined;
    const counterpartName = call.counterpart.name === null && keys.counterpart !== null ? known.counterparts.get(keys.counterpart) : undefined;
    if (agentName === undefined && counterpartName === undefined) return call;
    return {
      ...call,
      agent: agentName === undefined || !call.agent ? call.agent : { ...call.agent, name: agentName },
      counterpart: counterpartName === undefined ? call.counterpart : { ...call.counterpart, name: counterpartName },
    };
  });
}
