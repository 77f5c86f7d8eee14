import type { SaveSummaryInput } from "@/lib/review/save/save-summary";
import type { Actor } from "@/lib/auth/require-role";
import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/open-database";
import { upsertUser } from "@/lib/db/queries/users";
import { alloKeyFor } from "../../emulator/allo/keys";

export async function createActor(database: Database, role: Role, name: string): Promise<Actor> {
  const user = await upsertUser(database.db, { email: `${name.toLowerCase().replace(/\W+/g, ".")}@redline.test`, name, role });
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** Edits a summary straight through the emulator's public API, as a colleague in Allo's own app would. */
export async function patchAsColleague(
  emulatorUrl: string,
  callId: string,
  content: string,
  templateKey?: string,
): Promise<{ version: number; updated_by: { name: string | null } }> {
  const response = await fetch(`${emulatorUrl}/v2/api/conversations/items/${callId}/summary`, {
    method: "PATCH",
    headers: { Authorization: `Api-Key ${alloKeyFor("colleague")}`, "Content-Type": "application/json" },
    body: JSON.stringify(templateKey ? { content, template_key: templateKey } : { content }),
  });
  if (!response.ok) throw new Error(`colleague PATCH failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { data: { version: number; updated_by: { name: string | null } } }).data;
}

/** Counts how many PATCH requests reach the emulator, so a test can prove nothing was written. */
export function countingFetch(): { fetch: typeof fetch; writes: () => number } {
  let writes = 0;
  return {
    writes: () => writes,
    fetch: (input, init) => {
      if ((init?.method ?? "GET").toUpperCase() === "PATCH") writes += 1;
      return fetch(input, init);
    },
  };
}

/** A save of an Allo call's summary (its target is the call's item) from `baseContent`, as the workspace sends it. */
export function alloEdit(callId: string, baseContent: string | null, content: string, baseRevision = 0): SaveSummaryInput {
  return { provider: "allo", callId, targetId: callId, templateKey: null, baseContent, baseRevision, content };
}
