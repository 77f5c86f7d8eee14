import { z } from "zod";
import { requiredSetting as required, urlWithDefault, type SettingsGroup } from "../settings-group";

export type BlandSettings = { apiKey: string; baseUrl: string };

/** Bland's environment variables. */
export const blandSettings: SettingsGroup<BlandSettings> = {
  required: ["BLAND_API_KEY"],
  schema: z
    .object({ BLAND_API_KEY: required, BLAND_BASE_URL: urlWithDefault("https://api.bland.ai") })
    .transform((vars) => ({ apiKey: vars.BLAND_API_KEY, baseUrl: vars.BLAND_BASE_URL })),
};
