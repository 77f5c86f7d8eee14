import { z } from "zod";

/** Twilio Memory v1 JSON shapes, from `twilio/twilio-oai` `twilio_memory_v1.json`. */

/** Twilio Type IDs (TTID): a prefix, then 26 characters of which the first is 0-7. */
export const storeIdSchema = z.string().regex(/^mem_(store|service)_[0-7][0-9a-z]{25}$/, "Expected a Memory Store ID like mem_store_01…");
export const profileIdSchema = z.string().regex(/^mem_profile_[0-7][0-9a-z]{25}$/, "Expected a profile ID like mem_profile_01…");
export const summaryIdSchema = z.string().regex(/^mem_summary_[0-7][0-9a-z]{25}$/, "Expected a summary ID like mem_summary_01…");

/** Twilio's date-times are ISO 8601 in UTC; handed on normalised so every provider's times compare as strings. */
export const twilioTimestampSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

export const summaryInfoSchema = z.object({
  id: summaryIdSchema,
  conversationId: z.string(),
  /** Plain text, 1 to 4,096 characters. */
  content: z.string(),
  /** The system that wrote it (`conversational_intelligence`, `summary_operator`…), not a person. */
  source: z.string().nullish(),
  occurredAt: twilioTimestampSchema,
  createdAt: twilioTimestampSchema,
  updatedAt: twilioTimestampSchema,
});
export type SummaryInfo = z.infer<typeof summaryInfoSchema>;

export const pageMetaSchema = z.object({
  key: z.string().min(1).nullish(),
  pageSize: z.number().int().nullish(),
  nextToken: z.string().nullish(),
  previousToken: z.string().nullish(),
});

/**
 * A list page. Twilio's own SDK reads the items from `payload[meta.key]` and requires `key`; the spec's
 * example leaves `key` out. Both are read: `meta.key` when present, `summaries` otherwise.
 */
export const summaryPageSchema = z.looseObject({ meta: pageMetaSchema }).transform((page, ctx) => {
  const key = page.meta.key ?? "summaries";
  const summaries = z.array(summaryInfoSchema).safeParse(page[key]);
  if (!summaries.success) {
    for (const issue of summaries.error.issues) {
      ctx.addIssue({ code: "custom", message: issue.message, path: [key, ...issue.path], input: page[key] });
    }
    return z.NEVER;
  }
  return { summaries: summaries.data, nextToken: page.meta.nextToken || null };
});
export type SummaryPage = z.output<typeof summaryPageSchema>;

/** `Profile` (FetchProfile): trait groups of named traits, each a string, integer, boolean or array of these. */
export const profileSchema = z.object({
  id: profileIdSchema,
  traits: z.record(z.string(), z.record(z.string(), z.unknown())).nullish(),
});
export type Profile = z.infer<typeof profileSchema>;

export const patchSummaryRequestSchema = z.object({ content: z.string().min(1).max(4_096) });

/**
 * 202 Accepted: "Conversation summary update accepted"; the change is applied later. `message` is required
 * by the spec, so a body without it is not Twilio's acceptance; an empty body (no JSON at all) is taken as one.
 */
export const acceptedResponseSchema = z.object({ message: z.string() }).nullish();

/** `TwilioError`: `code` is Twilio's numeric error code (20404…), `more_info` its docs page. */
export const twilioErrorSchema = z.object({
  code: z.number().int(),
  message: z.string().nullish(),
  more_info: z.string().nullish(),
  status: z.number().int().nullish(),
});

/** A merged profile's answer: `{message, uri}` with `Location` and `Canonical-Profile-Id` headers. */
export const movedSchema = z.object({ message: z.string().nullish(), uri: z.string().nullish() });
