import { quoFailure, type QuoFieldError } from "../errors";
import { decodeToken, encodeToken, field } from "../offset-page";
import type { QuoRoute } from "../handler";
import { presentCall } from "../present";
import { firstCreatedBefore } from "../store";

const E164 = /^\+[1-9]\d{1,14}$/;

function parseInstant(value: string | null): number | null | undefined {
  if (value === null) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * GET /v1/calls: one conversation's calls, newest first. Needs `phoneNumberId`, exactly one
 * `participants` number (as `participants` or `participants[]`) and `maxResults`.
 */
export const listCalls: QuoRoute = {
  endpoint: "listCalls",
  operation: "calls",
  needsCallIntelligence: false,
  handle: ({ url, store }) => {
    const query = url.searchParams;
    const problems: QuoFieldError[] = [];
    const phoneNumberId = query.get("phoneNumberId");
    if (phoneNumberId === null) problems.push(field("phoneNumberId", "Required property", undefined, "string"));
    else if (!/^PN/.test(phoneNumberId)) problems.push(field("phoneNumberId", 'Expected string to match "^PN(.*)$"', phoneNumberId, "string"));

    const participants = [...query.getAll("participants"), ...query.getAll("participants[]")];
    if (participants.length === 0) problems.push(field("participants", "Required property", undefined, "array"));
    for (const [index, number] of participants.entries()) {
      if (!E164.test(number)) problems.push(field(`participants/${index}`, "Expected a phone number in E.164 format", number, "string"));
    }
    if (participants.length > 1) {
      // Quo lists one-to-one conversations only.
      return quoFailure(400, "Too many participants: calls can be listed for one participant at a time.", [
        field("participants", "Expected array to have at most 1 item", participants, "array"),
      ]);
    }

    const maxResultsText = query.get("maxResults");
    const maxResults = maxResultsText === null ? NaN : Number(maxResultsText);
    if (maxResultsText === null) problems.push(field("maxResults", "Required property", undefined, "integer"));
    else if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
      problems.push(field("maxResults", "Expected integer between 1 and 100", maxResultsText, "integer"));
    }
    const userId = query.get("userId");
    if (userId !== null && !/^US/.test(userId)) problems.push(field("userId", 'Expected string to match "^US(.*)$"', userId, "string"));

    const after = parseInstant(query.get("createdAfter"));
    if (after === null) problems.push(field("createdAfter", "Expected string in date-time format", query.get("createdAfter"), "string"));
    // `since` is deprecated and "incorrectly behaves as createdBefore"; so does the emulator's.
    const beforeText = query.get("createdBefore") ?? query.get("since");
    const before = parseInstant(beforeText);
    const beforeParam = query.has("createdBefore") ? "createdBefore" : "since";
    if (before === null) problems.push(field(beforeParam, "Expected string in date-time format", beforeText, "string"));
    const pageToken = query.get("pageToken");
    const offset = pageToken === null || pageToken === "" ? 0 : decodeToken(pageToken);
    if (offset === null) problems.push(field("pageToken", "Invalid page token", pageToken, "string"));

    if (problems.length > 0) return quoFailure(400, problems.map((problem) => `${problem.path.slice(1)}: ${problem.message}`).join("; "), problems);

    const line = store.numbers.get(phoneNumberId as string);
    if (line === undefined) return quoFailure(404, `Phone number ${phoneNumberId} not found`);
    // "Defaults to the workspace owner", who is on every number.
    if (userId !== null && !line.userIds.includes(userId)) {
      return quoFailure(403, `User ${userId} is not a user of phone number ${line.id}`);
    }

    const conversation = store.conversation(line.id, participants[0] as string);
    const low = before === undefined || before === null ? 0 : firstCreatedBefore(conversation, before);
    // createdAfter is exclusive: a call created at that very instant is not "after" it.
    const high = after === undefined || after === null ? conversation.length : firstCreatedBefore(conversation, after + 1);
    const start = low + (offset as number);
    const end = Math.min(high, start + maxResults);
    const page = conversation.slice(start, Math.max(start, end));
    return {
      status: 200,
      body: {
        data: page.map((record) => presentCall(record.call)),
        // Documented as "not accurately returning the total number": the whole conversation, whatever the filters.
        totalItems: conversation.length,
        nextPageToken: end < high ? encodeToken(end - low) : null,
      },
    };
  },
};
