import { z } from "zod";
import { templateKeySchema } from "../../data/sections/allo-section";
import { writeActorOf } from "../../provider-context";
import { alloFailure } from "../errors";
import type { AlloRoute } from "../handler";
import { invalidBody } from "../invalid-body";
import { readJsonBody } from "../json-body";

const MAX_CONTENT = 100_000;

/** The documented body. "Characters" are counted as code points, so an emoji is one, not two. */
const updateSummarySchema = z.object(
  {
    content: z
      .string({ error: (issue) => (issue.input === undefined ? "content is required." : "content must be a string.") })
      .refine((content) => content.length <= MAX_CONTENT || [...content].length <= MAX_CONTENT, {
        message: "content must be at most 100,000 characters.",
      }),
    template_key: templateKeySchema.nullish(),
  },
  { error: "The request body must be a JSON object." },
);

/**
 * UTC to the second, with its zone: the OpenAPI document declares `format: date-time`, which requires one.
 * (The page's example, `2026-05-12T14:32:11`, leaves it out; clients read a zone-less time as UTC anyway.)
 */
function formatUpdatedAt(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** PATCH /v2/api/conversations/items/{id}/summary: replace one template's markdown. */
export const updateCallSummary: AlloRoute = {
  endpoint: "updateSummary",
  scope: "CONVERSATIONS_WRITE",
  handle: async ({ req, params, store, key, now }) => {
    const id = params.id ?? "";
    if (!id.startsWith("cll-")) {
      return alloFailure("INVALID_ITEM_ID", {
        message: id.startsWith("msg-")
          ? `Only call items have summaries; '${id}' is a message.`
          : `Invalid call ID '${id}'. Call IDs start with cll-.`,
        param: "id",
      });
    }
    const body = await readJsonBody(req);
    if (!body.ok) return body.failure;
    const parsed = updateSummarySchema.safeParse(body.value ?? {});
    if (!parsed.success) return invalidBody(parsed.error);

    const outcome = store.updateSummary(id, {
      templateKey: parsed.data.template_key ?? null,
      content: parsed.data.content,
      by: { id: key.user.id, name: key.user.name },
      at: now(),
      actor: writeActorOf(req),
    });
    if (!outcome.ok) {
      switch (outcome.code) {
        case "CONVERSATION_ITEM_NOT_FOUND":
          return alloFailure(outcome.code, { message: `No call found with ID '${id}'.`, param: "id" });
        case "SUMMARY_TEMPLATE_KEY_REQUIRED":
          return alloFailure(outcome.code, { param: "template_key" });
        case "SUMMARY_TEMPLATE_NOT_FOUND":
          return alloFailure(outcome.code, {
            message: parsed.data.template_key
              ? `Call '${id}' has no completed ${parsed.data.template_key} summary.`
              : `Call '${id}' has no completed summary yet.`,
            param: "template_key",
          });
      }
    }
    const { record, state } = outcome;
    return {
      status: 200,
      body: {
        data: {
          id: record.id,
          content: state.content,
          version: record.version,
          updated_at: formatUpdatedAt(state.updatedAt),
          updated_by: state.updatedBy,
        },
      },
    };
  },
};
