import type { Db } from "@/lib/db/open-database";
import type { CallDetail } from "@/lib/providers/types";
import { withKnownNames } from "../queue/known-names";

/**
 * The call with the names Redline keeps for its agent and other party where the provider's read left them
 * out, and its transcript's unnamed speakers called by those names: reviewers judge a summary by who said
 * what. Reads only Redline's own store, never the provider.
 */
export async function nameCall(db: Db, call: CallDetail): Promise<CallDetail> {
  const [named = call] = await withKnownNames(db, call.ref.provider, [call]);
  const agentName = named.agent?.name ?? null;
  const customerName = named.counterpart.name;
  if (agentName === null && customerName === null) return named;
  return {
    ...named,
    transcript: named.transcript.map((turn) => {
      if (turn.speakerName !== null) return turn;
      const speakerName = turn.speaker === "agent" ? agentName : customerName;
      return speakerName === null ? turn : { ...turn, speakerName };
    }),
  };
}
