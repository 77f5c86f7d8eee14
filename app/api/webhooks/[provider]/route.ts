import { after, NextResponse } from "next/server";
import { getDatabase } from "@/lib/db/database";
import { providerIdSchema } from "@/lib/providers/provider-id";
import { getAdapter } from "@/lib/providers/registry";
import { receiveWebhook } from "@/lib/review/queue/receive-webhook";

export const dynamic = "force-dynamic";

/**
 * A provider's readiness webhook (Quo's call.summary.completed and call.transcript.completed). No session: the
 * delivery's signature is its authentication, checked against the raw body before anything is read.
 */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const provider = providerIdSchema.safeParse((await params).provider);
  const noStore = { "Cache-Control": "no-store" };
  if (!provider.success) return NextResponse.json({ ok: false, message: "Unknown provider." }, { status: 404, headers: noStore });
  const body = await request.text();
  const answer = await receiveWebhook({ database: await getDatabase(), adapter: getAdapter(provider.data) }, body, request.headers);
  if (answer.afterwards) after(answer.afterwards);
  return NextResponse.json(answer.body, { status: answer.status, headers: noStore });
}
