import { z } from "zod";

const offset = z.number().int().min(0);
/** 0-based indexes into the call's transcript as the provider's API serves it. */
const turns = z.array(offset);
/** Where in Quo's summary: which list and which of its strings the offsets count in. */
const quoPlace = { part: z.enum(["summary", "nextSteps"]).optional(), item: offset.optional() };
/** Bland: the call whose transcript `turns` index (a contact memory tells of several calls). */
const callRef = { call: z.string().optional() };

export const factKindSchema = z.enum(["money", "number", "date", "time", "phone", "email", "id", "name"]);
export const errorKindSchema = z.enum([
  "changed_amount",
  "changed_date",
  "changed_time",
  "changed_number",
  "changed_id",
  "swapped_name",
  "invented_commitment",
  "dropped_commitment",
]);

export const truthSentenceSchema = z.object({ text: z.string(), start: offset, end: offset, turns, ...quoPlace, ...callRef }).strict();

export const truthFactSchema = z
  .object({ kind: factKindSchema, text: z.string(), start: offset, end: offset, turns, injected: z.string().nullable(), ...quoPlace, ...callRef })
  .strict();

export const truthCommitmentSchema = z
  .object({
    kind: z.enum(["commitment", "price", "date", "next_step"]),
    /** The commitment as a faithful summary words it. */
    text: z.string(),
    turns,
    covered: z.boolean(),
    /** The dropped_commitment error that left it out, if one did. */
    injected: z.string().nullable(),
    ...callRef,
  })
  .strict();

export const truthErrorSchema = z
  .object({
    id: z.string(),
    kind: errorKindSchema,
    /** Index into `sentences`; null for a dropped commitment. */
    sentence: offset.nullable(),
    start: offset.nullable(),
    end: offset.nullable(),
    /** What the summary says (null when dropped); what the call said (null when invented). */
    wrong: z.string().nullable(),
    right: z.string().nullable(),
    /** The turns that hold the right value (or say the dropped commitment). */
    turns,
    ...quoPlace,
    ...callRef,
  })
  .strict();

export const summaryTruthSchema = z
  .object({
    sentences: z.array(truthSentenceSchema),
    facts: z.array(truthFactSchema),
    commitments: z.array(truthCommitmentSchema),
    errors: z.array(truthErrorSchema),
  })
  .strict();

/**
 * What the generator knows of every summary it wrote, by provider and summary: Allo
 * `<item id>#<template key>`, Quo the call id, Bland the contact memory id, Twilio the summary id.
 */
export const truthSectionSchema = z
  .object({
    allo: z.record(z.string(), summaryTruthSchema).optional(),
    openphone: z.record(z.string(), summaryTruthSchema).optional(),
    bland: z.record(z.string(), summaryTruthSchema).optional(),
    twilio: z.record(z.string(), summaryTruthSchema).optional(),
  })
  .strict();

export type SummaryTruth = z.infer<typeof summaryTruthSchema>;
export type TruthSection = z.infer<typeof truthSectionSchema>;
export type TruthFact = z.infer<typeof truthFactSchema>;
export type TruthSentence = z.infer<typeof truthSentenceSchema>;
export type TruthCommitment = z.infer<typeof truthCommitmentSchema>;
export type TruthError = z.infer<typeof truthErrorSchema>;
