import type { Database } from "@/lib/db/open-database";
import { revisionExportPage, type RevisionExportFilters, type RevisionExportRow } from "@/lib/db/queries/exports";
import { editSize } from "../text/edit-size";
import { csvRow } from "./csv-row";

export const revisionsCsvHeader = [
  "revision_id",
  "saved_at",
  "reviewer_name",
  "reviewer_email",
  "provider",
  "call_id",
  "template",
  "kind",
  "status",
  // The reasons the reviewer tagged, separated by ";".
  "reasons",
  "characters_changed",
  "lines_changed",
  "ai_text",
  "final_text",
] as const;

const PAGE_SIZE = 500;

function toRecord(row: RevisionExportRow): string {
  // Measured at save; rows journalled before saves were measured are measured here, the same way.
  const change =
    row.charsChanged !== null && row.linesChanged !== null
      ? { chars: row.charsChanged, lines: row.linesChanged }
      : row.original === null
        ? null
        : editSize(row.original, row.content);
  return csvRow([
    row.id,
    row.savedAt.toISOString(),
    row.authorName,
    row.authorEmail,
    row.provider,
    row.callId,
    row.templateKey,
    row.kind,
    row.status,
    row.reasons?.join(";") ?? null,
    change?.chars ?? null,
    change?.lines ?? null,
    row.original,
    row.content,
  ]);
}

/**
 * The journal rows `filters` select, oldest first, as a CSV stream. Pull-based: a keyset page is read only
 * when the reader has taken the last one, so a slow client holds one page in memory, not the export; the
 * reader cancelling it or `signal` aborting (the client went away) stops the reads.
 */
export function revisionsCsv(
  database: Database,
  filters: RevisionExportFilters,
  options: { signal?: AbortSignal; pageSize?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  let afterId = 0;
  let stopped = false;
  const signal = options.signal;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvRow(revisionsCsvHeader)));
      },
      async pull(controller) {
        // Pages whose rows the filters all leave out are skipped within one pull: a pull ends with a chunk or the end.
        for (;;) {
          if (signal?.aborted) {
            controller.close();
            return;
          }
          const page = await revisionExportPage(database.db, filters, afterId, pageSize);
          // Cancelled while the page was read: nobody is left to take it.
          if (stopped) return;
          if (signal?.aborted) {
            controller.close();
            return;
          }
          if (page.rows.length > 0) controller.enqueue(encoder.encode(page.rows.map(toRecord).join("")));
          if (page.scannedTo === null) {
            controller.close();
            return;
          }
          afterId = page.scannedTo;
          if (page.rows.length > 0) return;
        }
      },
      cancel() {
        stopped = true;
      },
    },
    // One page queued ahead of the reader at most.
    { highWaterMark: 1 },
  );
}
