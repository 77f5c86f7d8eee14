import "server-only";
import { z } from "zod";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().min(1).optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().default(".data"),
  AUTH_SECRET: optionalString,
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** How long a save waits while another save of the same summary runs, before answering "busy". */
  SAVE_LOCK_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(15_000),
  /** A session with no activity (pages, saves, typing) for this long is ended; the next request signs in again. */
  AUTH_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Single sign-on with OpenID Connect: on when the issuer, the client id and its secret are all set. */
  AUTH_OIDC_ISSUER: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  AUTH_OIDC_ID: optionalString,
  AUTH_OIDC_SECRET: optionalString,
  /** The button's label: "Sign in with Okta". */
  AUTH_OIDC_NAME: z.preprocess(emptyToUndefined, z.string().min(1).max(60).default("single sign-on")),
  /** A claim naming the user's role; when set, the identity provider decides roles at every sign-in. */
  AUTH_OIDC_ROLE_CLAIM: optionalString,
}).superRefine((value, context) => {
  // Half a configuration stops Redline rather than turning single sign-on off: with SSO required by an admin,
  // a secret lost in a deploy would otherwise quietly open password sign-in again for everyone.
  const sso = { AUTH_OIDC_ISSUER: value.AUTH_OIDC_ISSUER, AUTH_OIDC_ID: value.AUTH_OIDC_ID, AUTH_OIDC_SECRET: value.AUTH_OIDC_SECRET };
  const set = Object.values(sso).filter(Boolean).length;
  if (set === 0 || set === 3) return;
  for (const [name, given] of Object.entries(sso)) {
    if (!given) context.addIssue({ code: "custom", path: [name], message: "single sign-on needs AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET together: set this one, or unset all three" });
  }
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
