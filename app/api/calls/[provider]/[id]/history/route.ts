import { NextResponse } from "next/server";
import { saveTiming } from "@/lib/review/save/save-timing";
import { loadSummaryHistory } from "@/lib/review/history/summary-history";
import { providerErrorStatus } from "@/lib/providers/provider-error";
import { callRouteContext } from "../route-context";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ provider: string; id: string }> }) {
  const resolved = await callRouteContext(params);
  if (!resolved.ok) return resolved.response;
  const result = await loadSummaryHistory(resolved.context, resolved.context.callId, saveTiming());
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: providerErrorStatus(result.error.kind) });
  return NextResponse.json({ entries: result.entries });
}
