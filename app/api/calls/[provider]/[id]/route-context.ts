import "server-only";
import { NextResponse } from "next/server";
import { requireRole, type Actor } from "@/lib/auth/require-role";
import type { Role } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { providerIdSchema } from "@/lib/providers/provider-id";
import { getAdapter } from "@/lib/providers/registry";
import type { ProviderAdapter } from "@/lib/providers/types";

export type CallRouteContext = { actor: Actor; database: Database; adapter: ProviderAdapter; callId: string };

/** A JSON error answer; never cached, like every answer about a call. */
export function jsonError(status: number, error: { code: string; message: string }): NextResponse {
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Checks the session and the role, and resolves the provider of a call route; answers with a JSON error otherwise. */
export async function callRouteContext(
  params: Promise<{ provider: string; id: string }>,
  role: Role = "viewer",
): Promise<{ ok: true; context: CallRouteContext } | { ok: false; response: NextResponse }> {
  // Route handlers serve the page's own reads and polls, never a person's action: no activity for the idle clock.
  const check = await requireRole(role, { activity: false });
  if (!check.ok) return { ok: false, response: jsonError(check.error.code === "forbidden" ? 403 : 401, check.error) };
  const { provider, id } = await params;
  const parsed = providerIdSchema.safeParse(provider);
  const adapter = parsed.success ? getAdapter(parsed.data) : null;
  if (!adapter) return { ok: false, response: jsonError(404, { code: "not_found", message: "Unknown provider." }) };
  return { ok: true, context: { actor: check.actor, database: await getDatabase(), adapter, callId: decodeURIComponent(id) } };
}
