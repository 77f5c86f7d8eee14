import { renderTurns } from "../data/render-transcript";
import type { OpenPhoneCall, OpenPhoneContact, OpenPhoneUser } from "../data/sections/openphone-section";
import { isoInstant } from "../data/spoken-formats";
import type { QuoCallRecord } from "./store";

/** The `Call` object: every documented field and nothing else (its schema has `additionalProperties: false`). */
export function presentCall(call: OpenPhoneCall) {
  return {
    id: call.id,
    phoneNumberId: call.phoneNumberId,
    userId: call.userId,
    direction: call.direction,
    status: call.status,
    participants: call.participants,
    duration: call.duration,
    createdAt: call.createdAt,
    answeredAt: call.answeredAt,
    completedAt: call.completedAt,
    updatedAt: call.updatedAt,
    answeredBy: call.answeredBy,
    initiatedBy: call.initiatedBy,
    callRoute: call.callRoute,
    forwardedFrom: call.forwardedFrom,
    forwardedTo: call.forwardedTo,
    aiHandled: call.aiHandled,
  };
}

const OUTCOMES = { missed: "voicemail", "no-answer": "voicemail", forwarded: "transferred" } as const;

/** `{callId, createdAt, dialogue, duration, status}`; the dialogue only once the transcript is completed. */
export function presentTranscript(record: QuoCallRecord) {
  const { call, line, external } = record;
  const { dialogue } = call.transcript;
  const outcome = OUTCOMES[call.status as keyof typeof OUTCOMES] ?? "answered";
  const ended = Date.parse(call.completedAt ?? call.createdAt);
  return {
    callId: call.id,
    // A transcript is made once the call has ended.
    createdAt: isoInstant(ended + 45_000, false),
    dialogue:
      dialogue === null
        ? null
        : renderTurns(dialogue, {
            direction: call.direction === "incoming" ? "inbound" : "outbound",
            outcome,
            durationSec: call.duration,
          }).map((turn) => ({
            content: turn.text,
            start: turn.start,
            end: turn.end,
            identifier: turn.speaker === "agent" ? line.number : external,
            // "Null for external participants."
            userId: turn.speaker === "agent" ? call.userId : null,
          })),
    duration: call.duration,
    status: call.transcript.status,
  };
}

export function presentSummary(call: OpenPhoneCall) {
  return {
    callId: call.id,
    nextSteps: call.summary.nextSteps,
    status: call.summary.status,
    summary: call.summary.summary,
    jobs: null,
  };
}

/** The document keeps no join date for users: the workspace and its users were set up at once. */
const USERS_CREATED_AT = "2024-03-04T16:00:00Z";

/** Quo's `User`: the document's one `name` split into Quo's first and last names at the first space. */
export function presentUser(user: OpenPhoneUser) {
  const space = user.name.indexOf(" ");
  return {
    id: user.id,
    email: user.email,
    firstName: space === -1 ? user.name : user.name.slice(0, space),
    lastName: space === -1 ? null : user.name.slice(space + 1),
    pictureUrl: null,
    role: user.role,
    createdAt: USERS_CREATED_AT,
    updatedAt: USERS_CREATED_AT,
  };
}

/** Quo's `Contact`. Each email and phone number carries an id of its own, stable for the contact. */
export function presentContact(contact: OpenPhoneContact) {
  const { defaultFields: fields } = contact;
  const withIds = (kind: string, entries: OpenPhoneContact["defaultFields"]["emails"]) =>
    entries.map((entry, index) => ({ name: entry.name, value: entry.value, id: `${kind}${index}${contact.id.slice(-8)}` }));
  return {
    id: contact.id,
    externalId: contact.externalId,
    source: contact.source,
    defaultFields: {
      company: fields.company,
      emails: withIds("em", fields.emails),
      firstName: fields.firstName,
      lastName: fields.lastName,
      phoneNumbers: withIds("ph", fields.phoneNumbers),
      role: fields.role,
    },
    customFields: [],
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    createdByUserId: contact.createdByUserId,
  };
}
