import type { Db } from "@/lib/db/open-database";
import { readAppSetting, writeAppSetting } from "@/lib/db/queries/app-settings";
import type { Actor } from "./require-role";
import { recordSecurityEvent } from "./security-event";

/**
 * Whether password sign-in is refused for everyone. Only while single sign-on is configured: an operator who
 * removes the AUTH_OIDC_* variables gets password sign-in back, the way in when the identity provider is lost.
 */
export async function ssoRequired(db: Db, ssoConfigured: boolean): Promise<boolean> {
  if (!ssoConfigured) return false;
  return (await readAppSetting(db, "require_sso")) ?? false;
}

/** What an admin asked for, whether or not single sign-on is configured right now. */
export async function ssoRequirementSetting(db: Db): Promise<boolean> {
  return (await readAppSetting(db, "require_sso")) ?? false;
}

export type SsoRequirementChange =
  | { ok: true; required: boolean }
  | { ok: false; error: { code: "sso_not_configured"; message: string } };

/** An admin turns the requirement on or off; turning it on needs single sign-on to be configured. */
export async function changeSsoRequirement(db: Db, input: { required: boolean; ssoConfigured: boolean }, actor: Actor): Promise<SsoRequirementChange> {
  if (input.required && !input.ssoConfigured) {
    return {
      ok: false,
      error: { code: "sso_not_configured", message: "Single sign-on is not configured, so it cannot be required. Set the AUTH_OIDC_* variables first." },
    };
  }
  const before = await ssoRequirementSetting(db);
  await writeAppSetting(db, "require_sso", input.required, actor.id);
  if (before !== input.required) {
    await recordSecurityEvent(db, { event: "sso_requirement_changed", actorId: actor.id, detail: { from: before, to: input.required } });
  }
  return { ok: true, required: input.required };
}
