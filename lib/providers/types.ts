import type { ProviderId } from "./provider-id";

export type SummaryTemplate = { key: string; label: string };

/** What a provider can do with a summary. The UI reads this; components never branch on a provider's name. */
export type Capabilities = {
  /** "sync": the write is applied when it answers; "async": accepted now, applied later; "none": no write API. */
  write: "sync" | "async" | "none";
  format: "markdown" | "plain";
  maxLength: number;
  /** Summary templates a call may carry, with what to call them; empty when there is one summary per call. */
  templates: readonly SummaryTemplate[];
  /** How a change is witnessed: a provider version number, a timestamp, or only Redline's own revision. */
  versionWitness: "version" | "updated_at" | "revision";
};

export type CallRef = { provider: ProviderId; callId: string };

export type Person = { id: string | null; name: string | null };

export type CallListItem = {
  ref: CallRef;
  /** The summary target's id where the list tells it (the call itself for most providers); null until the call is read. */
  targetId: string | null;
  startedAt: string;
  durationSec: number | null;
  direction: "inbound" | "outbound";
  agent: Person | null;
  /**
   * The other party. `id` is the provider's own id for them where the call names one rather than a number
   * (Twilio's profile); `people()` is asked about them by that id, else by their number.
   */
  counterpart: { id?: string | null; name: string | null; number: string | null };
  /** Where the summary stands, as far as the list can tell ("unchecked" where it cannot). */
  summaryStatus: ListedAvailability;
  /** The summary's text where the provider's list carries it (Allo, Twilio), for the queue's search; else null. */
  summaryText: string | null;
};

export type TranscriptTurn = {
  speaker: "agent" | "customer";
  speakerName: string | null;
  at: string;
  text: string;
};

/** The summary as the provider shows it now. Providers that do not say who or when leave those null. */
export type SummarySnapshot = {
  templateKey: string | null;
  content: string | null;
  version: number | null;
  updatedAt: string | null;
  updatedBy: Person | null;
  /**
   * Where the provider's own AI is with this summary, for providers that report it (Quo): "in_progress" and
   * "absent" explain a null `content`, "failed" means the provider gave up. Left out where a provider does not say.
   */
  status?: SummaryStatus;
};

/**
 * Whether a call's summary or transcript can be read. "in_progress": the provider is still writing it (it
 * will come); "not_in_plan": the provider's plan for this workspace withholds it; "not_provided_by_this_api":
 * the provider's API has none at all.
 */
export type Availability = "ready" | "in_progress" | "absent" | "failed" | "not_in_plan" | "not_provided_by_this_api";

export type SummaryStatus = Availability;

/** A list's word on a call's summary: an `Availability`, or "unchecked" where the list cannot tell. */
export type ListedAvailability = Availability | "unchecked";

/**
 * What a save writes (DESIGN §2), the key of the save lock, the journal, the conflict check, history, drafts and
 * review status. Several calls may share one: Bland's contact memory is every call of one contact with one agent.
 */
export type SummaryTarget = {
  provider: ProviderId;
  /** Unique within the provider and enough to read and write it: Allo's item, Bland's memory, Twilio's profile~summary, Quo's call. */
  id: string;
  /**
   * Allo only: the template a write replaces. Allo's read shows one summary and names no template, so a save
   * can only be checked against that one text: the template belongs to the write, not to the key.
   */
  templateKey: string | null;
};

export type CallDetail = Omit<CallListItem, "summaryStatus"> & {
  /** Known once the call is read. */
  summaryStatus: Availability;
  transcript: TranscriptTurn[];
  /** Why `transcript` may be empty: coming, absent, withheld by the plan, or not in this API. */
  transcriptStatus: Availability;
  summary: SummarySnapshot;
  /** Null when the call has nothing to edit (a Bland call whose contact has no memory for this agent). */
  target: SummaryTarget | null;
  /** How to name a target other calls share ("Dana Ortiz's contact memory"); null when the call has its own. */
  sharedTarget: string | null;
};

export type ListQuery = { page: number; size: number };

export type Page<T> = {
  items: T[];
  page: number;
  size: number;
  totalCount: number;
  hasMore: boolean;
};

/**
 * Whom a provider's calls refer to, by the keys the calls carry: agents by `agent.id`; the other party by
 * `counterpart.id` where the call has one, else by `counterpart.number`.
 */
export type PeopleRequest = { agents: readonly string[]; counterparts: readonly string[] };

/**
 * A name for each key the provider looked up, null for one it knows nobody by. A key left out was not
 * looked up (a read that failed): nothing is known about it.
 */
export type PeopleAnswer = { agents: ReadonlyMap<string, string | null>; counterparts: ReadonlyMap<string, string | null> };

export type UpdateOutcome =
  | {
      status: "applied";
      content: string;
      version: number | null;
      updatedAt: string | null;
      updatedBy: Person | null;
    }
  | { status: "accepted" };

/**
 * What a provider's webhook delivery means to Redline: a call whose summary or transcript is now done, an
 * event Redline does not use, or a delivery refused (bad or stale signature) or unreadable.
 */
export type WebhookReceipt =
  | { kind: "ready"; deliveryId: string; callId: string; about: "summary" | "transcript" }
  | { kind: "ignored"; deliveryId: string; type: string }
  | { kind: "refused"; reason: string }
  | { kind: "malformed"; reason: string };

export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly capabilities: Capabilities;
  listCalls(query: ListQuery): Promise<Page<CallListItem>>;
  /** The call with its transcript, its summary and the target a save of it writes. */
  getCall(callId: string): Promise<CallDetail>;
  /** The target a save of this call writes, without reading the transcript; a `not_found` ProviderError when it has none. */
  summaryTarget(callId: string, templateKey: string | null): Promise<SummaryTarget>;
  /** The light re-read used by a save, the staleness check and the reconciler: the summary alone. */
  getSummary(target: SummaryTarget): Promise<SummarySnapshot>;
  updateSummary(target: SummaryTarget, content: string): Promise<UpdateOutcome>;
  /**
   * Verifies and reads one delivery of the provider's webhooks; absent where the provider documents no
   * readiness webhook or none is configured.
   */
  receiveWebhook?(body: string, headers: Headers): WebhookReceipt;
  /**
   * Names for the people calls refer to, from the provider's own directory (users, contacts, personas,
   * profiles), for providers whose call lists leave them unnamed. It may page through a whole directory, so
   * it runs in the background after a sync, never while a page waits. Throws when the directory cannot be
   * read at all.
   */
  people?(request: PeopleRequest): Promise<PeopleAnswer>;
}
