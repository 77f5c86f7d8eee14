import { z } from "zod";
import { literalTurnSchema } from "../data/transcript-source";
import { presentSummary, presentTranscript } from "./present";
import type { OpenPhoneStore } from "./store";

const endedWithout = z.object({ status: z.enum(["failed", "absent"]) }).strict();

/** What the admin endpoint may set: a summary or transcript Quo finished writing (or gave up on). */
export const finishJobsSchema = z
  .object({
    callId: z.string().min(1),
    summary: z
      .union([
        z.object({ status: z.literal("completed"), summary: z.array(z.string().min(1)).min(1), nextSteps: z.array(z.string().min(1)).default([]) }).strict(),
        endedWithout,
      ])
      .optional(),
    transcript: z.union([z.object({ status: z.literal("completed"), turns: z.array(literalTurnSchema).min(1) }).strict(), endedWithout]).optional(),
  })
  .strict()
  .refine((input) => input.summary !== undefined || input.transcript !== undefined, { message: "Give a summary, a transcript or both" });

export type FinishJobs = z.infer<typeof finishJobsSchema>;
export type QuoEvent = { type: "call.summary.completed" | "call.transcript.completed"; object: Record<string, unknown> };

/**
 * Quo's AI finishing a call's summary or transcript after the call ("may arrive long after the call ends"):
 * the call's record is replaced, never the document it came from, so a reset brings the pending state back.
 * Returns the webhook events Quo sends for what completed, or null for an unknown call.
 */
export function finishQuoJobs(store: OpenPhoneStore, input: FinishJobs): QuoEvent[] | null {
  const record = store.get(input.callId);
  if (!record) return null;
  const events: QuoEvent[] = [];
  let call = record.call;
  if (input.transcript) {
    const transcript =
      input.transcript.status === "completed"
        ? { status: "completed" as const, dialogue: { turns: input.transcript.turns } }
        : { status: input.transcript.status, dialogue: null };
    call = { ...call, transcript };
  }
  if (input.summary) {
    const summary =
      input.summary.status === "completed"
        ? { status: "completed" as const, summary: input.summary.summary, nextSteps: input.summary.nextSteps }
        : { status: input.summary.status, summary: null, nextSteps: null };
    call = { ...call, summary };
  }
  record.call = call;
  if (input.transcript?.status === "completed") events.push({ type: "call.transcript.completed", object: { object: "callTranscript", ...presentTranscript(record) } });
  if (input.summary?.status === "completed") events.push({ type: "call.summary.completed", object: { object: "callSummary", ...presentSummary(call) } });
  return events;
}
