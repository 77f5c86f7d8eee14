import { renderTurns } from "../data/render-transcript";
import { spoken } from "../data/spoken-formats";
import { callShape, type AlloStore, type CallRecord, type ContactRef, type ItemRecord, type UserRef } from "./store";

/** v2 `TranscriptEntry`: `USER` is the Allo user (the agent), `EXTERNAL` the other party. */
export type TranscriptEntry = { source: "USER" | "EXTERNAL"; time: string; text: string };

function transcriptOf(record: CallRecord): TranscriptEntry[] {
  const start = record.dateMs;
  return renderTurns(record.item.transcript, callShape(record.item)).map((turn) => ({
    source: turn.speaker === "agent" ? "USER" : "EXTERNAL",
    time: spoken.instant(new Date(start + Math.floor(turn.start) * 1000)),
    text: turn.text,
  }));
}

/** The v2 `ConversationItem`: every field present, null where it does not apply. */
export type ConversationItem = {
  id: string;
  type: "CALL" | "SMS";
  direction: "INBOUND" | "OUTBOUND";
  allo_number: string;
  contact_number: string;
  contacts: readonly ContactRef[];
  user: UserRef;
  date: string;
  duration: number | null;
  result: "ANSWERED" | "VOICEMAIL" | "TRANSFERRED" | null;
  recording_url: string | null;
  summary: string | null;
  tags: readonly string[];
  transcript: TranscriptEntry[] | null;
  content: string | null;
  status: "PENDING" | "SENT" | "DELIVERED" | "FAILED" | null;
  message_type: "SMS" | "MMS" | "WHATSAPP" | null;
};

export function presentItem(store: AlloStore, record: ItemRecord, options: { transcript: boolean }): ConversationItem {
  const { item } = record;
  const shared = {
    id: item.id,
    type: item.type,
    direction: item.direction,
    allo_number: item.allo_number,
    contact_number: item.contact_number,
    contacts: record.contacts,
    user: record.user,
    date: item.date,
  };
  if (record.type === "SMS") {
    return {
      ...shared,
      duration: null,
      result: null,
      recording_url: null,
      summary: null,
      tags: record.item.tags,
      transcript: null,
      content: record.item.content,
      status: record.item.status,
      message_type: record.item.message_type,
    };
  }
  return {
    ...shared,
    duration: record.item.duration,
    result: record.item.result,
    recording_url: record.item.recording_url,
    summary: store.summaryOf(record),
    tags: record.item.tags,
    // Rendered per request: transcripts are only ever built for the items a client asks to see.
    transcript: options.transcript ? transcriptOf(record) : null,
    content: null,
    status: null,
    message_type: null,
  };
}
