import { NextResponse } from "next/server";
import { summaryHistory } from "@/lib/db/queries/revisions";
import { toHistoryEntry } from "@/lib/review/history-entry";
import { callRouteContext } from "../route-context";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ provider: string; id: string }> }) {
  const resolved = await callRouteContext(params);
  if (!resolved.ok) return resolved.response;
  const { database, adapter, callId } = resolved.context;
  const rows = await summaryHistory(database.db, { provider: adapter.id, callId });
  return NextResponse.json({ entries: rows.map(toHistoryEntry) });
}
