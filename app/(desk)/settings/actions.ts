"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { ssoConfig } from "@/lib/auth/sso-config";
import { changeSsoRequirement } from "@/lib/auth/sso-requirement";
import { getDatabase } from "@/lib/db/database";

/** Requires single sign-on for everyone, or allows passwords again. */
export const setSsoRequirementAction = authorizedAction(
  { name: "setSsoRequirement", role: "admin", input: z.object({ required: z.boolean() }) },
  async ({ required }, actor) => changeSsoRequirement((await getDatabase()).db, { required, ssoConfigured: ssoConfig() !== null }, actor),
);
