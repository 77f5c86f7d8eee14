import { normalizePhoneNumber } from "./contact-memory";
import type { BlandCall, BlandCallListEntry } from "./schemas";

/** Far more than any organisation's agent numbers; keeps a misbehaving answer from growing the set without end. */
const MAX_KNOWN = 1_000;

/**
 * The organisation's own numbers: the agent numbers its inbound calls reach and its outbound calls are
 * placed from. Bland's call list does not say which way a call went (`inbound` is documented on a call's
 * detail only), but one end of every call is one of these numbers, so knowing them tells the direction
 * and which end is the customer. They come from the configuration when given, and are learnt from the
 * details of calls read, so a list costs one extra read per agent number met, not one per call.
 */
export class AgentNumbers {
  private readonly known = new Set<string>();

  constructor(configured: readonly string[] = []) {
    for (const number of configured) this.add(number);
  }

  /** A call's detail says its direction, and so which of its numbers is ours. */
  learn(call: Pick<BlandCall, "inbound" | "to" | "from">): void {
    if (call.inbound == null) return;
    this.add(call.inbound ? call.to : call.from);
  }

  /** Whether a call was inbound, or null when neither of its numbers (or both) is known to be ours. */
  inbound(call: BlandCallListEntry): boolean | null {
    if (call.inbound != null) return call.inbound;
    const toOurs = this.isOurs(call.to);
    const fromOurs = this.isOurs(call.from);
    return toOurs === fromOurs ? null : toOurs;
  }

  private isOurs(number: string | null | undefined): boolean {
    const normalized = normalizePhoneNumber(number);
    return normalized !== null && this.known.has(normalized);
  }

  private add(number: string | null | undefined): void {
    const normalized = normalizePhoneNumber(number);
    if (normalized !== null && this.known.size < MAX_KNOWN) this.known.add(normalized);
  }
}
