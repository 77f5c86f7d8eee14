import { getDatabase } from "@/lib/db/database";
import { parseRevisionExportQuery } from "@/lib/review/exports/revision-export-query";
import { revisionsCsv } from "@/lib/review/exports/revisions-csv";
import { exportAccess, exportError } from "../export-access";

export const dynamic = "force-dynamic";

/** The journal as CSV, filtered by the query string, streamed page by page as the client reads it. */
export async function GET(request: Request) {
  const access = await exportAccess();
  if (!access.ok) return access.response;
  const query = parseRevisionExportQuery(new URL(request.url).searchParams);
  if (!query.ok) return exportError(400, query.error);
  const body = revisionsCsv(await getDatabase(), query.filters, { signal: request.signal });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="redline-revisions-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
