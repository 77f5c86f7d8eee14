import { alloSettings, type AlloSettings } from "./allo/settings";
import { blandSettings, type BlandSettings } from "./bland/settings";
import { openPhoneSettings, type QuoSettings } from "./openphone/settings";
import { providerNames, type ProviderId } from "./provider-id";
import type { SettingsGroup } from "./settings-group";
import { twilioSettings, type TwilioSettings } from "./twilio/settings";

// Each provider's variables are validated as a group, apart from the rest: a provider whose variables are
// partly set or malformed is left out with a message naming the variable, and Redline and the other
// providers keep running.

export type ProviderSettings = { allo: AlloSettings; openphone: QuoSettings; bland: BlandSettings; twilio: TwilioSettings };

export type ProviderConfiguration<P extends ProviderId = ProviderId> =
  | { status: "unset" }
  | { status: "configured"; settings: ProviderSettings[P] }
  | { status: "invalid"; message: string };

const settingsGroups: { [P in ProviderId]: SettingsGroup<ProviderSettings[P]> } = {
  allo: alloSettings,
  openphone: openPhoneSettings,
  bland: blandSettings,
  twilio: twilioSettings,
};

/** One provider's settings from the environment given (process.env by default). Never throws. */
export function readProviderConfiguration<P extends ProviderId>(
  provider: P,
  source: Record<string, string | undefined> = process.env,
): ProviderConfiguration<P> {
  const group: SettingsGroup<ProviderSettings[P]> = settingsGroups[provider];
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
