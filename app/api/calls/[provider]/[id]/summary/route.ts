import { NextResponse } from "next/server";
import { checkSummary } from "@/lib/review/save/check-summary";
import { providerErrorStatus } from "@/lib/providers/provider-error";
import { callRouteContext } from "../route-context";

export const dynamic = "force-dynamic";

/** The summary as it stands now: polled by the workspace to warn before a save would conflict. */
export async function GET(_request: Request, { params }: { params: Promise<{ provider: string; id: string }> }) {
  const resolved = await callRouteContext(params);
  if (!resolved.ok) return resolved.response;
  const result = await checkSummary(resolved.context, resolved.context.callId);
  return result.ok ? NextResponse.json(result.summary) : NextResponse.json({ error: result.error }, { status: providerErrorStatus(result.error.kind) });
}
