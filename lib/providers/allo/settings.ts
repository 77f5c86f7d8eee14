import { z } from "zod";
import { requiredSetting as required, urlWithDefault, type SettingsGroup } from "../settings-group";

export type AlloSettings = { apiKey: string; baseUrl: string };

/** Allo's environment variables. */
export const alloSettings: SettingsGroup<AlloSettings> = {
  required: ["ALLO_API_KEY"],
  schema: z
    .object({ ALLO_API_KEY: required, ALLO_BASE_URL: urlWithDefault("https://api.withallo.com") })
    .transform((vars) => ({ apiKey: vars.ALLO_API_KEY, baseUrl: vars.ALLO_BASE_URL })),
};
