import "server-only";
import { NextResponse } from "next/server";
import { requireRole, type Actor } from "@/lib/auth/require-role";

/** A JSON error answer, never cached. */
export function exportError(status: number, error: { code: string; message: string; issues?: unknown }): NextResponse {
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Exports are for leads and admins: they carry every reviewer's work. A download is a read, not typing or a
 * save, so it does not count as activity for the idle clock.
 */
export async function exportAccess(): Promise<{ ok: true; actor: Actor } | { ok: false; response: NextResponse }> {
  const check = await requireRole("lead", { activity: false });
  if (check.ok) return check;
  return { ok: false, response: exportError(check.error.code === "forbidden" ? 403 : 401, check.error) };
}
