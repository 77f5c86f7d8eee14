"use server";

import { z } from "zod";
import { adminChangeAction } from "@/lib/auth/admin-change-action";
import { ssoConfig } from "@/lib/auth/sso-config";
import { changeSsoRequirement } from "@/lib/auth/sso-requirement";
import { getDatabase } from "@/lib/db/database";

/** Requires single sign-on for everyone, or allows passwords again. */
export const setSsoRequirementAction = adminChangeAction(
  { name: "setSsoRequirement", input: z.object({ required: z.boolean() }) },
  async ({ required }, actor) => changeSsoRequirement((await getDatabase()).db, { required, ssoConfigured: ssoConfig() !== null }, actor),
);
