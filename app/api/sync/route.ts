import { NextResponse } from "next/server";
import { requireRole } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import { configuredProviders } from "@/lib/providers/registry";
import { readSyncStatus } from "@/lib/review/queue/sync-status";

export const dynamic = "force-dynamic";

/** Sync progress, polled by the queue page while a pass runs. */
export async function GET() {
  const check = await requireRole("viewer", { activity: false });
  if (!check.ok) return NextResponse.json({ error: check.error }, { status: check.error.code === "forbidden" ? 403 : 401 });
  const database = await getDatabase();
  return NextResponse.json({ providers: await readSyncStatus(database, configuredProviders()) }, { headers: { "Cache-Control": "no-store" } });
}
