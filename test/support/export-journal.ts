import type { Database } from "@/lib/db/open-database";
import { upsertUser } from "@/lib/db/queries/users";
import { calls, summaryRevisions, type SummaryRevision } from "@/lib/db/schema";

type JournalRow = Partial<SummaryRevision> & Pick<SummaryRevision, "provider" | "targetId" | "callId" | "kind" | "status" | "content">;

/**
 * A hand-made journal for the export tests: three summary targets, saves that landed and some that did not,
 * and texts that need CSV quoting and formula neutralising. Rows are written in this order, so ids follow it.
 */
export async function seedExportJournal(database: Database) {
  const { db } = database;
  const riley = await upsertUser(db, { email: "riley@redline.test", name: "Riley Reviewer", role: "reviewer" });
  const mallory = await upsertUser(db, { email: "mallory@redline.test", name: "@Mallory, \"M\"", role: "reviewer" });
  const at = (iso: string) => new Date(iso);
  const rows: JournalRow[] = [
    // 1: Allo call c1's AI original.
    { provider: "allo", targetId: "c1", callId: "c1", kind: "original", status: "observed", content: "Line one\nline two\nline three", createdAt: at("2026-03-01T09:00:00Z"), completedAt: at("2026-03-01T09:00:00Z") },
    // 2: a conflict: not exported unless asked for.
    { provider: "allo", targetId: "c1", callId: "c1", kind: "edit", status: "conflict", authorId: mallory.id, baseContent: "x", content: "refused text", createdAt: at("2026-03-01T09:30:00Z"), completedAt: at("2026-03-01T09:30:01Z") },
    // 3: Riley's applied edit of c1.
    { provider: "allo", targetId: "c1", callId: "c1", kind: "edit", status: "applied", revision: 1, authorId: riley.id, baseContent: "Line one\nline two\nline three", content: "Line one\nline 2\nline three\nline four", createdAt: at("2026-03-01T10:00:00Z"), completedAt: at("2026-03-01T10:00:02Z") },
    // 4: Twilio c2's AI original, a formula.
    { provider: "twilio", targetId: "sum-2", callId: "c2", templateKey: "tmpl,\"q\"", kind: "original", status: "observed", content: "=HYPERLINK(\"http://x\")", createdAt: at("2026-03-02T08:00:00Z"), completedAt: at("2026-03-02T08:00:00Z") },
    // 5: Mallory's merge of c2, accepted, with quotes, CRLF and a leading "-".
    { provider: "twilio", targetId: "sum-2", callId: "c2", templateKey: "tmpl,\"q\"", kind: "merge", status: "accepted", authorId: mallory.id, baseContent: "=HYPERLINK(\"http://x\")", content: "- He said \"refund\"\r\n- then left", createdAt: at("2026-03-02T23:59:59Z"), completedAt: null },
    // 6: an outside change: not a save.
    { provider: "twilio", targetId: "sum-2", callId: "c2", kind: "outside", status: "observed", content: "outside", createdAt: at("2026-03-03T08:00:00Z"), completedAt: at("2026-03-03T08:00:00Z") },
    // 7: a Bland memory restored from call c3; its original was never journalled.
    { provider: "bland", targetId: "mem-1", callId: "c3", kind: "restore", status: "applied", revision: 2, authorId: riley.id, baseContent: "a", content: "plain", createdAt: at("2026-03-04T12:00:00Z"), completedAt: at("2026-03-04T12:00:01Z") },
    // 8: the same memory saved from another call, c4, which shares it.
    { provider: "bland", targetId: "mem-1", callId: "c4", kind: "edit", status: "failed", authorId: riley.id, baseContent: "plain", content: "plainer", errorCode: "RATE_LIMITED", errorMessage: "Too many requests", createdAt: at("2026-03-04T12:05:00Z"), completedAt: at("2026-03-04T12:05:01Z") },
  ];
  const ids: number[] = [];
  for (const row of rows) {
    const [inserted] = await db.insert(summaryRevisions).values(row).returning({ id: summaryRevisions.id });
    ids.push(inserted!.id);
  }
  await db.insert(calls).values({
    provider: "bland",
    callId: "c3",
    startedAt: at("2026-03-04T11:50:00Z"),
    durationSec: 95,
    direction: "inbound",
    agentName: "Grace Owusu",
    counterpartName: "Pat Customer",
    counterpartNumber: "+15550001111",
    summaryStatus: "ready",
    targetId: "mem-1",
    searchText: "grace owusu pat customer",
    lastSyncedAt: at("2026-03-04T11:55:00Z"),
  });
  return { riley, mallory, ids };
}
