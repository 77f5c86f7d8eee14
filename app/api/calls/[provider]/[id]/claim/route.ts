import { NextResponse } from "next/server";
import { claimForReview, releaseForReview } from "@/lib/review/calls/claim-call";
import { callRouteContext } from "../route-context";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string; id: string }> };

/** Takes or renews the reviewer's claim on the call; the workspace calls it while the call is open. */
export async function POST(_request: Request, { params }: Params) {
  const resolved = await callRouteContext(params, "reviewer");
  if (!resolved.ok) return resolved.response;
  const { database, actor, adapter, callId } = resolved.context;
  const claim = await claimForReview(database, actor, { provider: adapter.id, callId });
  return NextResponse.json({ claim }, { headers: { "Cache-Control": "no-store" } });
}

/** Frees the call when the reviewer leaves it. */
export async function DELETE(_request: Request, { params }: Params) {
  const resolved = await callRouteContext(params, "reviewer");
  if (!resolved.ok) return resolved.response;
  const { database, actor, adapter, callId } = resolved.context;
  await releaseForReview(database, actor, { provider: adapter.id, callId });
  return new NextResponse(null, { status: 204 });
}
