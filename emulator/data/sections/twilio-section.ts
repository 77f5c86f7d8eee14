import { z } from "zod";

/** Twilio writes ISO 8601 UTC at second precision: `2025-01-15T10:30:45Z`. */
const instant = z.iso.datetime();

/** Twilio Type IDs (TTID): a prefix, then a digit 0-7 and 25 lowercase alphanumerics. */
export const ttid = {
  store: /^mem_(store|service)_[0-7][0-9a-z]{25}$/,
  profile: /^mem_profile_[0-7][0-9a-z]{25}$/,
  summary: /^mem_summary_[0-7][0-9a-z]{25}$/,
  conversation: /^conv_conversation_[0-7][0-9a-z]{25}$/,
} as const;

export const summarySourceSchema = z.string().max(100).regex(/^[a-zA-Z0-9 _.-]+$/);

/** `SummaryInfo`, as the API answers it. */
export const twilioSummarySchema = z.object({
  id: z.string().regex(ttid.summary),
  conversationId: z.string().regex(ttid.conversation),
  content: z.string().min(1).max(4_096),
  source: summarySourceSchema.optional(),
  occurredAt: instant,
  createdAt: instant,
  updatedAt: instant,
});

/** "A string, integer, boolean, or an array of these types (arrays cannot contain nested arrays)." */
const traitScalarSchema = z.union([z.string(), z.number().int(), z.boolean()]);
const traitValueSchema = z.union([traitScalarSchema, z.array(traitScalarSchema)]);

export const twilioProfileSchema = z.object({
  id: z.string().regex(ttid.profile),
  /** When the profile was created; optional in a fixture (its first conversation's time is shown then). */
  createdAt: instant.optional(),
  /** Trait groups (`Contact`…), each a map of traits: `{Contact: {firstName, lastName, email, phone}}`. */
  traits: z.record(z.string().min(1).max(64), z.record(z.string().min(1).max(64), traitValueSchema)).default({}),
  summaries: z.array(twilioSummarySchema),
});

/** One Twilio account's memory stores, each with profiles and their conversation summaries. */
export const twilioSectionSchema = z
  .object({
    accountSid: z.string().regex(/^AC[0-9a-f]{32}$/),
    stores: z.array(z.object({ id: z.string().regex(ttid.store), profiles: z.array(twilioProfileSchema) })).min(1),
  })
  .superRefine((section, ctx) => {
    const ids = new Set<string>();
    section.stores.forEach((store, storeIndex) => {
      store.profiles.forEach((profile, profileIndex) => {
        const path = ["stores", storeIndex, "profiles", profileIndex];
        if (ids.has(profile.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `Duplicate id ${profile.id}` });
        ids.add(profile.id);
        profile.summaries.forEach((summary, at) => {
          if (ids.has(summary.id)) ctx.addIssue({ code: "custom", path: [...path, "summaries", at, "id"], message: `Duplicate id ${summary.id}` });
          ids.add(summary.id);
        });
      });
    });
  });

export type TwilioSection = z.infer<typeof twilioSectionSchema>;
export type TwilioSummary = z.infer<typeof twilioSummarySchema>;
export type TwilioProfile = z.infer<typeof twilioProfileSchema>;
