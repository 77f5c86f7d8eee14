import type { KnownText } from "@/lib/db/queries/revisions";
import type { Capabilities, SummarySnapshot } from "@/lib/providers/types";

export type CurrentSummary = {
  /** The text a reviewer edits and a save is checked against. */
  content: string | null;
  /**
   * Our own writes the provider accepted (Twilio applies later), oldest first, while the provider still shows
   * the start or a step of that chain: the newest of them is current, so a chain of quick saves never
   * conflicts with itself. Empty when someone else's text replaced the chain.
   */
  accepted: KnownText[];
  /** Whether the provider already shows the chain's last text (its writes can be confirmed as applied). */
  shown: boolean;
};

/**
 * What the summary is now, from the provider's snapshot and the journal's latest texts (newest first).
 * - A provider Redline writes synchronously: the provider's own copy.
 * - A read-only provider (Quo): Redline's latest correction, else the provider's text.
 * - An async provider (Twilio): the provider's copy, unless it still shows the start or a step of our own
 *   chain of accepted writes, in which case the chain's last text is current, not "theirs".
 */
export function currentSummary(capabilities: Capabilities, snapshot: SummarySnapshot, recent: readonly KnownText[]): CurrentSummary {
  const providers = { content: snapshot.content, accepted: [], shown: false };
  if (capabilities.write === "sync") return providers;
  if (capabilities.write === "none") {
    const landed = recent.find((row) => row.status === "applied");
    return landed ? { ...providers, content: landed.content } : providers;
  }
  const newestFirst: KnownText[] = [];
  for (const row of recent) {
    if (row.status !== "accepted") break;
    newestFirst.push(row);
  }
  if (newestFirst.length === 0) return providers;
  const chain = newestFirst.reverse();
  const ours = new Set<string | null>([chain[0]!.baseContent, ...chain.map((row) => row.content)]);
  if (!ours.has(snapshot.content)) return providers;
  const newest = chain[chain.length - 1]!;
  return { content: newest.content, accepted: chain, shown: snapshot.content === newest.content };
}
