import { AlloStore } from "./allo/store";
import { BlandStore } from "./bland/store";
import type { Fixture } from "./data/fixture-schema";
import { OpenPhoneStore } from "./openphone/store";
import type { ProviderId } from "./provider-id";
import { TwilioStore } from "./twilio/store";
import { WriteLog } from "./write-log";

/**
 * The stores of the mounted providers, built from one fixture document, and the log of the summary writes
 * they applied. The document itself is never edited, so a reset rebuilds exactly the data the server
 * started with.
 */
export class EmulatorData {
  allo: AlloStore | null = null;
  openphone: OpenPhoneStore | null = null;
  bland: BlandStore | null = null;
  twilio: TwilioStore | null = null;
  /** The summary writes applied since the start or the last reset; set by reset(). */
  writes!: WriteLog;

  constructor(
    readonly fixture: Fixture,
    readonly providers: readonly ProviderId[],
    private readonly clock: () => number,
  ) {
    this.reset();
  }

  reset(): void {
    this.twilio?.dispose();
    const { allo, openphone, bland, twilio } = this.fixture;
    const mounted = (provider: ProviderId) => this.providers.includes(provider);
    // A new log, not a cleared one: a write still in flight to a replaced store lands in the old log.
    const writes = new WriteLog(this.clock);
    this.writes = writes;
    this.allo = mounted("allo") && allo ? new AlloStore(allo, writes.recorderFor("allo")) : null;
    this.openphone = mounted("openphone") && openphone ? new OpenPhoneStore(openphone) : null;
    this.bland = mounted("bland") && bland ? new BlandStore(bland, writes.recorderFor("bland")) : null;
    this.twilio = mounted("twilio") && twilio ? new TwilioStore(twilio, this.clock, writes.recorderFor("twilio")) : null;
  }

  dispose(): void {
    this.twilio?.dispose();
  }

  counts() {
    return {
      ...(this.allo ? { allo: { calls: this.allo.calls.length, messages: this.allo.messages.length } } : {}),
      ...(this.openphone ? { openphone: { calls: this.openphone.callCount } } : {}),
      ...(this.bland ? { bland: { calls: this.bland.calls.length, contacts: this.bland.contacts.length, memories: this.bland.memoryCount } } : {}),
      ...(this.twilio ? { twilio: { summaries: this.twilio.summaryCount, pendingUpdates: this.twilio.pendingUpdates } } : {}),
    };
  }
}
