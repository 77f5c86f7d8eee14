import { alloApiKeys, type AlloKeyLabel } from "./allo/keys";
import { blandApiKeys } from "./bland/keys";
import type { EmulatorData } from "./emulator-data";
import { OTHER_EDITOR_HEADER } from "./provider-context";
import { writableProviders, type WritableProvider } from "./provider-id";
import { basePaths } from "./setup";
import { twilioAuthorizationFor, twilioCredentials } from "./twilio/credentials";


export type OtherEditorWrite = {
  at: string;
  provider: WritableProvider;
  /** The summary written: Allo call id (and template), Bland memory id, Twilio summary id (and its store and profile). */
  target: { id: string; templateKey?: string; storeId?: string; profileId?: string };
  /** Who the provider attributes the write to, and the credential label used. */
  editor: string;
  credential: string;
  /** The provider's answer; null when the request failed outright. */
  status: number | null;
  /** `accepted` for Twilio's 202: the text shows once the update is applied. */
  outcome: "applied" | "accepted" | "failed";
  /** The text sent. */
  content: string;
};

const notes = [
  "Customer called back to confirm the details.",
  "Corrected the callback time after listening to the recording.",
  "Customer asked for a copy of this by email.",
  "Added after a follow-up message from the customer.",
  "Team lead cleared the escalation.",
  "Spelling of the customer's name checked against the CRM.",
];

const MAX_LOG = 200;

/** A request the other editor cannot carry out (a provider that is not mounted or not writable). */
export class OtherEditorError extends Error {}

/** `base` with `addition` appended, the base cut short if the two would pass the provider's limit. */
function appended(base: string, addition: string, max: number): string {
  const room = max - addition.length;
  return (base.length > room ? base.slice(0, room) : base) + addition;
}

type Options = { url: () => string; data: EmulatorData; random: () => number; clock: () => number };

/**
 * A colleague editing summaries in the provider's own app: every `everySeconds`, one random summary of
 * a writable provider is changed through that provider's public API with a colleague's credential.
 * What was written is kept (newest last) so tests and the demo can see it.
 */
export class OtherEditor {
  private timer: NodeJS.Timeout | null = null;
  private everySeconds: number | null = null;
  private providers: WritableProvider[] = [];
  private turn = 0;
  private readonly log: OtherEditorWrite[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: Options) {}

  /** The writable providers that are mounted. */
  available(): WritableProvider[] {
    return writableProviders.filter((provider) => this.options.data[provider] !== null);
  }

  start(everySeconds: number, providers: readonly WritableProvider[] = this.available()): void {
    const usable = providers.filter((provider) => this.available().includes(provider));
    if (usable.length === 0) throw new OtherEditorError("None of those providers is mounted and writable (allo, bland, twilio)");
    this.stop();
    this.everySeconds = everySeconds;
    this.providers = usable;
    this.timer = setInterval(() => void this.editOnce().catch(() => undefined), everySeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.everySeconds = null;
  }

  status() {
    return {
      running: this.timer !== null,
      everySeconds: this.everySeconds,
      providers: this.timer !== null ? this.providers : this.available(),
      writes: [...this.log],
    };
  }

  /** Waits for edits under way: on close, so none writes to a store being torn down. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** One edit now, on `provider` or the next one in turn. Null when that provider has nothing to edit. */
  async editOnce(provider?: WritableProvider): Promise<OtherEditorWrite | null> {
    const rotation = this.providers.length > 0 ? this.providers : this.available();
    const chosen = provider ?? rotation[this.turn++ % rotation.length];
    if (chosen === undefined || this.options.data[chosen] === null) throw new OtherEditorError(`The ${provider ?? "requested"} provider is not mounted`);
    const edit = this.edit(chosen);
    this.inFlight.add(edit);
    try {
      const write = await edit;
      if (write !== null) {
        this.log.push(write);
        if (this.log.length > MAX_LOG) this.log.shift();
      }
      return write;
    } finally {
      this.inFlight.delete(edit);
    }
  }

  private pick<T>(values: readonly T[]): T | undefined {
    return values[Math.floor(this.options.random() * values.length)];
  }

  private edit(provider: WritableProvider): Promise<OtherEditorWrite | null> {
    switch (provider) {
      case "allo":
        return this.editAllo();
      case "bland":
        return this.editBland();
      case "twilio":
        return this.editTwilio();
    }
  }

  private async send(path: string, authorization: string, body: unknown): Promise<number | null> {
    try {
      const response = await fetch(`${this.options.url()}${path}`, {
        method: "PATCH",
        headers: { authorization, "content-type": "application/json", [OTHER_EDITOR_HEADER]: "other-editor" },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return null;
    }
  }

  private record(provider: WritableProvider, target: OtherEditorWrite["target"], editor: string, credential: string, status: number | null, content: string): OtherEditorWrite {
    const outcome = status === 200 ? "applied" : status === 202 ? "accepted" : "failed";
    return { at: new Date(this.options.clock()).toISOString(), provider, target, editor, credential, status, outcome, content };
  }

  private async editAllo(): Promise<OtherEditorWrite | null> {
    const store = this.options.data.allo;
    if (store === null) return null;
    const start = Math.floor(this.options.random() * store.calls.length);
    for (let i = 0; i < store.calls.length; i++) {
      const record = store.calls[(start + i) % store.calls.length];
      if (record === undefined || record.templates.size === 0) continue;
      const templateKey = this.pick([...record.templates.keys()]);
      const current = templateKey === undefined ? undefined : record.templates.get(templateKey);
      if (templateKey === undefined || current === undefined) continue;
      const label: AlloKeyLabel = this.options.random() < 0.5 ? "colleague" : "second-colleague";
      const key = alloApiKeys.find((candidate) => candidate.label === label);
      if (key === undefined) return null;
      const content = appended(current.content.trimEnd(), `\n\n- ${key.user.name}: ${this.pick(notes)}\n`, 100_000);
      const status = await this.send(`${basePaths.allo}/v2/api/conversations/items/${record.id}/summary`, `Api-Key ${key.key}`, {
        content,
        template_key: templateKey,
      });
      return this.record("allo", { id: record.id, templateKey }, key.user.name, label, status, content);
    }
    return null;
  }

  private async editBland(): Promise<OtherEditorWrite | null> {
    const store = this.options.data.bland;
    const id = store === null ? undefined : this.pick(store.memoryIds());
    const memory = id === undefined ? undefined : store?.memory(id);
    const key = blandApiKeys.find((candidate) => candidate.label === "colleague");
    if (id === undefined || memory === undefined || key === undefined) return null;
    const base = memory.memory.summary ?? "";
    const content = `${base}${base === "" ? "" : " "}${key.owner} noted: ${this.pick(notes)}`;
    const status = await this.send(`${basePaths.bland}/v1/memory/contact/${id}/summary`, key.key, { summary: content });
    return this.record("bland", { id }, key.owner, key.label, status, content);
  }

  private async editTwilio(): Promise<OtherEditorWrite | null> {
    const store = this.options.data.twilio;
    const ref = store === null ? undefined : this.pick(store.summaryRefs());
    const summary = ref === undefined ? undefined : store?.summary(ref.storeId, ref.profileId, ref.summaryId);
    const credential = twilioCredentials.find((candidate) => candidate.label === "colleague");
    if (ref === undefined || summary === undefined || credential === undefined) return null;
    const content = appended(summary.content, ` ${credential.owner} noted: ${this.pick(notes)}`, 4_096);
    const path = `${basePaths.twilio}/v1/Stores/${ref.storeId}/Profiles/${ref.profileId}/ConversationSummaries/${ref.summaryId}`;
    const status = await this.send(path, twilioAuthorizationFor("colleague"), { content });
    return this.record("twilio", { id: ref.summaryId, storeId: ref.storeId, profileId: ref.profileId }, credential.owner, credential.label, status, content);
  }
}
