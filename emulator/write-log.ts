import { z } from "zod";
import { writableProviders, type WritableProvider } from "./provider-id";

/** Who sent a write: an API client such as Redline, or the emulator's own other editor. */
export const writeActors = ["api", "other-editor"] as const;
export type WriteActor = (typeof writeActors)[number];

/**
 * One summary write a provider's store applied. `target` is what was written: Allo the item id (with
 * `#<template_key>` when the request named one), Bland the contact memory id, Twilio
 * `<profileId>~<summaryId>` (Redline's call id for it).
 */
export const summaryWriteSchema = z.object({
  provider: z.enum(writableProviders),
  target: z.string().min(1),
  content: z.string(),
  at: z.iso.datetime(),
  by: z.enum(writeActors),
});
export type SummaryWrite = z.infer<typeof summaryWriteSchema>;

/** What `GET /__emulator/writes` answers, for clients in another process to check. */
export const writesAnswerSchema = z.object({ writes: z.array(summaryWriteSchema), dropped: z.number().int().min(0) });

/** How a store reports a write it applied; the log adds the provider and the time. */
export type WriteRecorder = (target: string, content: string, by: WriteActor) => void;

export type WriteFilter = { provider?: WritableProvider; target?: string };

/**
 * Only the last 10,000 writes are kept, so an emulator left running under the other editor or a load test
 * does not grow without end; `dropped` says how many older ones were let go, so a test counting writes
 * knows whether it saw them all.
 */
const MAX_WRITES = 10_000;

/**
 * The summary writes the stores applied, oldest first: what actually landed, so a test can prove nothing
 * was written twice however many clients sent it. Refused writes never reach a store and are not listed.
 */
export class WriteLog {
  private readonly ring: SummaryWrite[] = [];
  /** Where the next write goes once the ring is full. */
  private next = 0;
  private droppedCount = 0;

  constructor(private readonly clock: () => number) {}

  /** A recorder for one provider's store. */
  recorderFor(provider: WritableProvider): WriteRecorder {
    return (target, content, by) => this.record({ provider, target, content, by, at: new Date(this.clock()).toISOString() });
  }

  get dropped(): number {
    return this.droppedCount;
  }

  list(filter: WriteFilter = {}): SummaryWrite[] {
    const ordered = this.ring.length < MAX_WRITES ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return ordered.filter(
      (write) => (filter.provider === undefined || write.provider === filter.provider) && (filter.target === undefined || write.target === filter.target),
    );
  }

  private record(write: SummaryWrite): void {
    if (this.ring.length < MAX_WRITES) {
      this.ring.push(write);
      return;
    }
    this.ring[this.next] = write;
    this.next = (this.next + 1) % MAX_WRITES;
    this.droppedCount += 1;
  }
}
