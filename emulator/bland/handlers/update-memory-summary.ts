import { readBody } from "../../http/read-body";
import { writeActorOf } from "../../provider-context";
import { blandFailure } from "../errors";
import type { BlandRoute } from "../handler";
import { presentMemory } from "../present";

const MAX_BODY_BYTES = 1_000_000;

/**
 * PATCH /v1/memory/contact/{memory_id}/summary: `{summary}` replaces the summary. No version, no
 * precondition: the last write wins. Bland documents no length limit; the body is capped at 1 MB.
 * A missing, null or empty summary is "summary is required".
 */
export const updateMemorySummary: BlandRoute = {
  endpoint: "updateMemorySummary",
  handle: async ({ req, params, store, now }) => {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body.ok) return blandFailure("BAD_REQUEST", "Request body is too large");
    let value: unknown = {};
    if (body.text.trim() !== "") {
      try {
        value = JSON.parse(body.text);
      } catch {
        return blandFailure("BAD_REQUEST", "Request body must be valid JSON");
      }
    }
    const summary = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { summary?: unknown }).summary : undefined;
    // Bland documents only the missing case; an empty summary is taken as no summary, as Redline expects.
    if (summary === undefined || summary === null || summary === "") return blandFailure("BAD_REQUEST", "summary is required");
    if (typeof summary !== "string") return blandFailure("BAD_REQUEST", "summary must be a string");

    const id = params.memoryId ?? "";
    const record = store?.updateSummary(id, summary, now(), writeActorOf(req));
    if (store === null || record === undefined) return blandFailure("NOT_FOUND", `Contact memory ${id} not found`);
    return { status: 200, body: { data: presentMemory(record.memory, store.orgId, record.contact.id), errors: null } };
  },
};
