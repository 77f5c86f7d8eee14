import { z } from "zod";
import { presentItem } from "../conversation-item";
import { alloFailure } from "../errors";
import type { AlloRoute } from "../handler";
import { invalidBody } from "../invalid-body";
import { readJsonBody } from "../json-body";

const MAX_IDS = 100;

const batchRequestSchema = z.object(
  { ids: z.array(z.string(), { error: (issue) => (issue.input === undefined ? "ids is required." : "ids must be an array of strings.") }) },
  { error: "The request body must be a JSON object." },
);

/** POST /v2/api/conversations/items/batch: many items by id, in the order asked; unknown ids are left out. */
export const batchGetConversationItems: AlloRoute = {
  endpoint: "batchGet",
  scope: "CONVERSATIONS_READ",
  handle: async ({ req, store }) => {
    const body = await readJsonBody(req);
    if (!body.ok) return body.failure;
    const parsed = batchRequestSchema.safeParse(body.value ?? {});
    if (!parsed.success) return invalidBody(parsed.error);
    const { ids } = parsed.data;
    if (ids.length > MAX_IDS) {
      return alloFailure("BATCH_TOO_LARGE", { message: `A batch asks for at most ${MAX_IDS} ids; this one has ${ids.length}.`, param: "ids" });
    }
    const records = [...new Set(ids)].flatMap((id) => store.get(id) ?? []);
    return { status: 200, body: { data: records.map((record) => presentItem(store, record, { transcript: false })) } };
  },
};
