import type { TwilioProfile, TwilioSection, TwilioSummary } from "../data/sections/twilio-section";
import { isoInstant } from "../data/spoken-formats";
import type { WriteActor, WriteRecorder } from "../write-log";

export type SummaryPatch = Partial<Pick<TwilioSummary, "content" | "source" | "occurredAt" | "conversationId">>;

export type SummaryRef = { storeId: string; profileId: string; summaryId: string };
type Pending = { due: number; apply: () => void };
type ProfileRecord = {
  id: string;
  createdAt: string | undefined;
  traits: TwilioProfile["traits"];
  summaries: TwilioSummary[];
  byId: Map<string, TwilioSummary>;
};

const byOccurredDesc = (a: TwilioSummary, b: TwilioSummary) =>
  a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The account's memory stores in memory. A PATCH is accepted (202) and applied later, as Twilio's
 * "accepted and is being processed" says: until then a read shows the old summary.
 */
export class TwilioStore {
  readonly accountSid: string;
  readonly summaryCount: number;
  private readonly stores = new Map<string, Map<string, ProfileRecord>>();
  private queue: Pending[] = [];
  private refs: SummaryRef[] | undefined;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    section: TwilioSection,
    private readonly clock: () => number,
    private readonly recordWrite: WriteRecorder,
  ) {
    this.accountSid = section.accountSid;
    let count = 0;
    for (const store of section.stores) {
      const profiles = new Map<string, ProfileRecord>();
      for (const profile of store.profiles) {
        // Copies: edits never reach the fixture, so a reset starts over.
        const summaries = profile.summaries.map((summary) => ({ ...summary })).sort(byOccurredDesc);
        profiles.set(profile.id, {
          id: profile.id,
          createdAt: profile.createdAt ?? summaries.at(-1)?.occurredAt,
          traits: profile.traits,
          summaries,
          byId: new Map(summaries.map((summary) => [summary.id, summary])),
        });
        count += summaries.length;
      }
      this.stores.set(store.id, profiles);
    }
    this.summaryCount = count;
  }

  /** Every summary's address, for picking one at random. */
  summaryRefs(): readonly SummaryRef[] {
    this.refs ??= [...this.stores].flatMap(([storeId, profiles]) =>
      [...profiles.values()].flatMap((profile) => profile.summaries.map((summary) => ({ storeId, profileId: profile.id, summaryId: summary.id }))),
    );
    return this.refs;
  }

  storeIds(): string[] {
    return [...this.stores.keys()];
  }

  profileIds(storeId: string): string[] {
    return [...(this.stores.get(storeId)?.keys() ?? [])];
  }

  hasStore(storeId: string): boolean {
    return this.stores.has(storeId);
  }

  /** A profile's summaries, newest conversation first; undefined when the store or profile is unknown. */
  summaries(storeId: string, profileId: string): readonly TwilioSummary[] | undefined {
    return this.stores.get(storeId)?.get(profileId)?.summaries;
  }

  /** A profile's id, creation time and traits; undefined when the store or profile is unknown. */
  profile(storeId: string, profileId: string): Pick<ProfileRecord, "id" | "createdAt" | "traits"> | undefined {
    return this.stores.get(storeId)?.get(profileId);
  }

  summary(storeId: string, profileId: string, summaryId: string): TwilioSummary | undefined {
    return this.stores.get(storeId)?.get(profileId)?.byId.get(summaryId);
  }

  get pendingUpdates(): number {
    return this.queue.length;
  }

  /**
   * Applies `patch` after `delayMs` (at once for 0, when nothing is waiting). Updates apply in the order
   * they were accepted, even if the delay is shortened in between. A new `content` is logged as a write when
   * it is applied, not when accepted: only then has it landed.
   */
  accept(storeId: string, profileId: string, summaryId: string, patch: SummaryPatch, delayMs: number, actor: WriteActor): void {
    const apply = () => {
      const profile = this.stores.get(storeId)?.get(profileId);
      const summary = profile?.byId.get(summaryId);
      if (profile === undefined || summary === undefined) return;
      Object.assign(summary, patch, { updatedAt: isoInstant(this.clock(), false) });
      if (patch.occurredAt !== undefined) profile.summaries.sort(byOccurredDesc);
      if (patch.content !== undefined) this.recordWrite(`${profileId}~${summaryId}`, summary.content, actor);
    };
    const due = Math.max(this.clock() + Math.max(0, delayMs), this.queue.at(-1)?.due ?? 0);
    this.queue.push({ due, apply });
    this.drain();
  }

  /** Drops updates not yet applied: on reset and on close. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
  }

  private drain(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length > 0 && (this.queue[0] as Pending).due <= this.clock()) (this.queue.shift() as Pending).apply();
    const next = this.queue[0];
    if (next === undefined) return;
    this.timer = setTimeout(() => this.drain(), Math.max(1, next.due - this.clock()));
    this.timer.unref();
  }
}
