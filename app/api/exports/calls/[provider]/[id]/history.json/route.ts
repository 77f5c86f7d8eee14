import { z } from "zod";
import { getDatabase } from "@/lib/db/database";
import { providerIdSchema } from "@/lib/providers/provider-id";
import { callHistoryExport } from "@/lib/review/exports/call-history-export";
import { exportAccess, exportError } from "../../../../export-access";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ provider: providerIdSchema, id: z.string().min(1).max(500) });

/** A malformed escape is no call Redline knows. */
function decoded(id: string): string | undefined {
  try {
    return decodeURIComponent(id);
  } catch {
    return undefined;
  }
}

/** One call's whole summary history from the journal, as a JSON file to keep. */
export async function GET(_request: Request, { params }: { params: Promise<{ provider: string; id: string }> }) {
  const access = await exportAccess();
  if (!access.ok) return access.response;
  const raw = await params;
  const parsed = paramsSchema.safeParse({ provider: raw.provider, id: decoded(raw.id) });
  if (!parsed.success) return exportError(404, { code: "not_found", message: "Unknown provider or call." });
  const { provider, id } = parsed.data;
  const history = await callHistoryExport(await getDatabase(), provider, id);
  if (history === null) return exportError(404, { code: "not_found", message: "Redline knows no such call." });
  // The call id goes into a header: anything but a plain name is left out of the file name.
  const safeId = id.replace(/[^\w.-]+/g, "_").slice(0, 100);
  return new Response(`${JSON.stringify(history, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="redline-history-${provider}-${safeId}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
