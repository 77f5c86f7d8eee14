import "server-only";
import { NextResponse } from "next/server";
import { requireRole, type Actor } from "@/lib/auth/require-role";
import { getDatabase } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { providerIdSchema } from "@/lib/providers/provider-id";
import { getAdapter } from "@/lib/providers/registry";
import type { ProviderAdapter } from "@/lib/providers/types";

export type CallRouteContext = { actor: Actor; database: Database; adapter: ProviderAdapter; callId: string };

/** Checks the session and resolves the provider of a call route; answers with a JSON error otherwise. */
export async function callRouteContext(
  params: Promise<{ provider: string; id: string }>,
): Promise<{ ok: true; context: CallRouteContext } | { ok: false; response: NextResponse }> {
  const check = await requireRole("viewer");
  if (!check.ok) {
    return { ok: false, response: NextResponse.json({ error: check.error }, { status: check.error.code === "forbidden" ? 403 : 401 }) };
  }
  const { provider, id } = await params;
  const parsed = providerIdSchema.safeParse(provider);
  const adapter = parsed.success ? getAdapter(parsed.data) : null;
  if (!adapter) {
    return { ok: false, response: NextResponse.json({ error: { code: "not_found", message: "Unknown provider." } }, { status: 404 }) };
  }
  return { ok: true, context: { actor: check.actor, database: await getDatabase(), adapter, callId: decodeURIComponent(id) } };
}
