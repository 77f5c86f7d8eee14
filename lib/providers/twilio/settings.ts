import { z } from "zod";
import { requiredSetting as required, urlWithDefault, type SettingsGroup } from "../settings-group";
import { profileIdSchema, storeIdSchema } from "./schemas";

/** TWILIO_PROFILE_IDS: comma-separated profile ids (`mem_profile_…`). */
export const twilioProfileIdsSchema = z.string().transform((value, ctx) => {
  const ids = [...new Set(value.split(",").map((id) => id.trim()).filter((id) => id !== ""))];
  for (const id of ids) {
    if (!profileIdSchema.safeParse(id).success) {
      ctx.addIssue({ code: "custom", message: `"${id}" is not a profile id (mem_profile_ and 26 characters)`, input: value });
    }
  }
  if (ids.length === 0) ctx.addIssue({ code: "custom", message: "names no profile", input: value });
  return ids;
});


export type TwilioSettings = { apiKeySid: string; apiKeySecret: string; baseUrl: string; storeId: string; profileIds: string[] };

/** Twilio's environment variables. */
export const twilioSettings: SettingsGroup<TwilioSettings> = {
  required: ["TWILIO_API_KEY_SID", "TWILIO_API_KEY_SECRET", "TWILIO_STORE_ID", "TWILIO_PROFILE_IDS"],
  schema: z
    .object({
      TWILIO_API_KEY_SID: required,
      TWILIO_API_KEY_SECRET: required,
      TWILIO_MEMORY_BASE_URL: urlWithDefault("https://memory.twilio.com"),
      TWILIO_STORE_ID: z.string().trim().pipe(storeIdSchema),
      TWILIO_PROFILE_IDS: twilioProfileIdsSchema,
    })
    .transform((vars) => ({
      apiKeySid: vars.TWILIO_API_KEY_SID,
      apiKeySecret: vars.TWILIO_API_KEY_SECRET,
      baseUrl: vars.TWILIO_MEMORY_BASE_URL,
      storeId: vars.TWILIO_STORE_ID,
      profileIds: vars.TWILIO_PROFILE_IDS,
    })),
};
