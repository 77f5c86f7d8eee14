import { writesAnswerSchema, type SummaryWrite } from "../../emulator/write-log";

export type EmulatorAdmin = {
  /** Replaces the faults in force, e.g. `["allo.getItem:latency=50"]`; an empty list clears them. */
  setFaults(faults: readonly string[]): Promise<void>;
  /** Requests a `hang` fault is holding open right now. */
  hanging(): Promise<number>;
  /** The summary writes that landed on one target, oldest first. */
  writes(provider: "allo", target: string): Promise<SummaryWrite[]>;
};

/** The emulator's admin endpoints over HTTP, as a process other than the emulator's would reach them. */
export function emulatorAdmin(emulatorUrl: string): EmulatorAdmin {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${emulatorUrl}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__emulator/${path} answered ${response.status}: ${text}`);
    return text === "" ? null : JSON.parse(text);
  };
  return {
    async setFaults(faults) {
      await (faults.length === 0 ? call("DELETE", "faults") : call("PUT", "faults", faults));
    },
    async hanging() {
      return ((await call("GET", "faults")) as { hanging: number }).hanging;
    },
    async writes(provider, target) {
      const answer = writesAnswerSchema.parse(await call("GET", `writes?${new URLSearchParams({ provider, target })}`));
      // A log that let writes go cannot show that exactly one landed.
      if (answer.dropped > 0) throw new Error(`the emulator's write log dropped ${answer.dropped} writes`);
      return answer.writes;
    },
  };
}
