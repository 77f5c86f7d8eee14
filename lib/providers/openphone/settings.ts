import { z } from "zod";
import { requiredSetting as required, urlWithDefault, type SettingsGroup } from "../settings-group";
import { e164Schema, phoneNumberIdSchema, userIdSchema } from "./schemas";
import { quoWebhookSecretSchema } from "./webhook";

export type QuoLineSetting = { phoneNumberId: string; userId?: string; participants: string[] };

/**
 * QUO_PHONE_NUMBERS: which Quo conversations to list. Comma-separated entries
 * `<phoneNumberId>[@<userId>]:<participant>|<participant>…`, participants in E.164, e.g.
 * `PN123abc:+15551230001|+15551230002,PN456def@US789ghi:+15559870001`.
 * Quo's `GET /v1/calls` needs a phone number id and exactly one participant; `@<userId>` lists as that Quo
 * user where the workspace owner (Quo's default) is not on the number.
 */
export const quoPhoneNumbersSchema = z.string().transform((value, ctx) => {
  const lines: QuoLineSetting[] = [];
  const problem = (message: string) => ctx.addIssue({ code: "custom", message, input: value });
  for (const entry of value.split(",").map((part) => part.trim()).filter((part) => part !== "")) {
    const match = /^([^:@]+)(?:@([^:]+))?:(.*)$/.exec(entry);
    if (!match) {
      problem(`"${entry}" is not <phoneNumberId>[@<userId>]:<participant>|<participant>…`);
      continue;
    }
    const [, phoneNumberId = "", userId, list = ""] = match;
    const participants = list.split("|").map((number) => number.trim()).filter((number) => number !== "");
    if (!phoneNumberIdSchema.safeParse(phoneNumberId).success) problem(`"${phoneNumberId}" is not a Quo phone number id (PN…)`);
    if (userId !== undefined && !userIdSchema.safeParse(userId).success) problem(`"${userId}" is not a Quo user id (US…)`);
    if (participants.length === 0) problem(`${phoneNumberId} names no participant number`);
    for (const number of participants) {
      if (!e164Schema.safeParse(number).success) problem(`"${number}" is not an E.164 number such as +15551230001`);
    }
    if (lines.some((line) => line.phoneNumberId === phoneNumberId)) problem(`${phoneNumberId} is listed twice`);
    lines.push({ phoneNumberId, ...(userId === undefined ? {} : { userId }), participants: [...new Set(participants)] });
  }
  if (lines.length === 0) problem("names no phone number");
  return lines;
});


export type QuoSettings = { apiKey: string; baseUrl: string; lines: QuoLineSetting[]; webhookSecret: string | null };

/** Quo's environment variables. */
export const openPhoneSettings: SettingsGroup<QuoSettings> = {
  required: ["QUO_API_KEY", "QUO_PHONE_NUMBERS"],
  schema: z
    .object({
      QUO_API_KEY: required,
      QUO_BASE_URL: urlWithDefault("https://api.openphone.com"),
      QUO_PHONE_NUMBERS: quoPhoneNumbersSchema,
      // Optional: the key of a webhook for call.summary.completed and call.transcript.completed.
      QUO_WEBHOOK_SECRET: z.preprocess((value) => (value === "" ? undefined : value), quoWebhookSecretSchema.optional()),
    })
    .transform((vars) => ({
      apiKey: vars.QUO_API_KEY,
      baseUrl: vars.QUO_BASE_URL,
      lines: vars.QUO_PHONE_NUMBERS,
      webhookSecret: vars.QUO_WEBHOOK_SECRET ?? null,
    })),
};
