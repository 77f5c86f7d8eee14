import { NextResponse } from "next/server";
import { z } from "zod";
import { confirmAcceptedSave } from "@/lib/review/save/confirm-accepted-save";
import { callRouteContext, jsonError } from "../../route-context";

export const dynamic = "force-dynamic";

const journalIdSchema = z.coerce.number().int().positive();

/** Whether a save the provider accepted (Twilio applies later) shows yet: polled by the workspace until it does. */
export async function GET(_request: Request, { params }: { params: Promise<{ provider: string; id: string; journalId: string }> }) {
  const resolved = await callRouteContext(params, "reviewer");
  if (!resolved.ok) return resolved.response;
  const journalId = journalIdSchema.safeParse((await params).journalId);
  if (!journalId.success) return jsonError(404, { code: "not_found", message: "No such save." });
  const result = await confirmAcceptedSave(resolved.context, journalId.data);
  if (!result.ok) return jsonError("kind" in result.error ? 502 : 404, result.error);
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
}
