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
  startedAt: string;
  durationSec: number | null;
  direction: "inbound" | "outbound";
  agent: Person | null;
  counterpart: { name: string | null; number: string | null };
  hasSummary: boolean;
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

export type SummaryStatus = "ready" | "in_progress" | "absent" | "failed";

export type CallDetail = CallListItem & {
  transcript: TranscriptTurn[];
  summary: SummarySnapshot;
};

export type ListQuery = { page: number; size: number };

export type Page<T> = {
  items: T[];
  page: number;
  size: number;
  totalCount: number;
  hasMore: boolean;
};

export type UpdateSummaryRequest = {
  callId: string;
  templateKey: string | null;
  content: string;
};

export type UpdateOutcome =
  | {
      status: "applied";
      content: string;
      version: number | null;
      updatedAt: string | null;
      updatedBy: Person | null;
    }
  | { status: "accepted" };

export interface ProviderAdapter {
  readonly id: ProviderId;
  readonly capabilities: Capabilities;
  listCalls(query: ListQuery): Promise<Page<CallListItem>>;
  getCall(callId: string): Promise<CallDetail>;
  updateSummary(request: UpdateSummaryRequest): Promise<UpdateOutcome>;
}
