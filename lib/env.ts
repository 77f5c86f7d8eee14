import "server-only";
import { z } from "zod";
import { e164Schema, phoneNumberIdSchema, userIdSchema } from "./providers/openphone/schemas";
import { providerNames, type ProviderId } from "./providers/provider-id";
import { profileIdSchema, storeIdSchema } from "./providers/twilio/schemas";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().min(1).optional());
const urlWithDefault = (url: string) => z.preprocess(emptyToUndefined, z.url().default(url));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: optionalString,
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** How long a save waits while another save of the same summary runs, before answering "busy". */
  SAVE_LOCK_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(15_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** Validated configuration, read once per process. */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}

// ---------------------------------------------------------------------------------------------------
// Provider settings. Each provider's variables are validated as a group, apart from the rest: a provider
// whose variables are partly set or malformed is left out with a message naming the variable, and
// Redline and the other providers keep running.

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

export type ProviderSettings = {
  allo: { apiKey: string; baseUrl: string };
  openphone: { apiKey: string; baseUrl: string; lines: QuoLineSetting[] };
  bland: { apiKey: string; baseUrl: string };
  twilio: { apiKeySid: string; apiKeySecret: string; baseUrl: string; storeId: string; profileIds: string[] };
};

export type ProviderConfiguration<P extends ProviderId = ProviderId> =
  | { status: "unset" }
  | { status: "configured"; settings: ProviderSettings[P] }
  | { status: "invalid"; message: string };

type SettingsGroup<P extends ProviderId> = {
  /** Set together or not at all: a provider is configured when all are set, and named as broken when only some are. */
  required: readonly string[];
  schema: z.ZodType<ProviderSettings[P]>;
};

const required = z.string().min(1);

const settingsGroups: { [P in ProviderId]: SettingsGroup<P> } = {
  allo: {
    required: ["ALLO_API_KEY"],
    schema: z
      .object({ ALLO_API_KEY: required, ALLO_BASE_URL: urlWithDefault("https://api.withallo.com") })
      .transform((vars) => ({ apiKey: vars.ALLO_API_KEY, baseUrl: vars.ALLO_BASE_URL })),
  },
  openphone: {
    required: ["QUO_API_KEY", "QUO_PHONE_NUMBERS"],
    schema: z
      .object({
        QUO_API_KEY: required,
        QUO_BASE_URL: urlWithDefault("https://api.openphone.com"),
        QUO_PHONE_NUMBERS: quoPhoneNumbersSchema,
      })
      .transform((vars) => ({ apiKey: vars.QUO_API_KEY, baseUrl: vars.QUO_BASE_URL, lines: vars.QUO_PHONE_NUMBERS })),
  },
  bland: {
    required: ["BLAND_API_KEY"],
    schema: z
      .object({ BLAND_API_KEY: required, BLAND_BASE_URL: urlWithDefault("https://api.bland.ai") })
      .transform((vars) => ({ apiKey: vars.BLAND_API_KEY, baseUrl: vars.BLAND_BASE_URL })),
  },
  twilio: {
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
  },
};

/** One provider's settings from the environment given (process.env by default). Never throws. */
export function readProviderConfiguration<P extends ProviderId>(
  provider: P,
  source: Record<string, string | undefined> = process.env,
): ProviderConfiguration<P> {
  const group: SettingsGroup<P> = settingsGroups[provider];
  const name = providerNames[provider];
  const isSet = (variable: string) => (source[variable] ?? "") !== "";
  const missing = group.required.filter((variable) => !isSet(variable));
  if (missing.length === group.required.length) return { status: "unset" };
  if (missing.length > 0) {
    const present = group.required.filter(isSet);
    return {
      status: "invalid",
      message: `${name} is partly configured: ${present.join(", ")} ${present.length === 1 ? "is" : "are"} set but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not. Set ${missing.length === 1 ? "it" : "them"}, or unset the rest.`,
    };
  }
  const parsed = group.schema.safeParse(source);
  if (!parsed.success) {
    // Names the variable and what is wrong with it, never its value: it may be a secret.
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "")}: ${issue.message}`);
    return { status: "invalid", message: `${name} is misconfigured: ${problems.join("; ")}.` };
  }
  return { status: "configured", settings: parsed.data };
}

export type ProviderConfigurations = { [P in ProviderId]: ProviderConfiguration<P> };

let cachedProviders: ProviderConfigurations | undefined;

/** Every provider's settings, read once per process. */
export function providerConfigurations(): ProviderConfigurations {
  cachedProviders ??= {
    allo: readProviderConfiguration("allo"),
    openphone: readProviderConfiguration("openphone"),
    bland: readProviderConfiguration("bland"),
    twilio: readProviderConfiguration("twilio"),
  };
  return cachedProviders;
}
