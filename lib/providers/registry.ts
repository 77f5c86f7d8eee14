import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createAlloAdapter } from "./allo/adapter";
import { createBlandAdapter } from "./bland/adapter";
import { createOpenPhoneAdapter } from "./openphone/adapter";
import { providerIdSchema, type ProviderId } from "./provider-id";
import { providerConfigurations, type ProviderSettings } from "./provider-settings";
import { createTwilioAdapter } from "./twilio/adapter";
import type { ProviderAdapter } from "./types";

/** A provider left out because its settings are incomplete or malformed; the message names the variable. */
export type ProviderConfigurationProblem = { provider: ProviderId; message: string };

type Registry = { adapters: Map<ProviderId, ProviderAdapter>; problems: ProviderConfigurationProblem[] };

type Factory<P extends ProviderId> = (settings: ProviderSettings[P], timeoutMs: number) => ProviderAdapter;

const factories: { [P in ProviderId]: Factory<P> } = {
  allo: ({ apiKey, baseUrl }, timeoutMs) => createAlloAdapter({ apiKey, baseUrl, timeoutMs }),
  openphone: ({ apiKey, baseUrl, lines, webhookSecret }, timeoutMs) => createOpenPhoneAdapter({ apiKey, baseUrl, lines, webhookSecret, timeoutMs }),
  bland: ({ apiKey, baseUrl }, timeoutMs) => createBlandAdapter({ apiKey, baseUrl, timeoutMs }),
  twilio: (settings, timeoutMs) => createTwilioAdapter({ ...settings, timeoutMs }),
};

const globalForAdapters = globalThis as unknown as { redlineProviders?: Registry };

/**
 * Builds every configured adapter once. A provider whose settings are partly set or malformed is not
 * built: its problem is logged once, here, and kept for `providerConfigurationProblems()`. That provider
 * then reads as not configured, while every other provider and page works as usual.
 */
function buildRegistry(): Registry {
  const { PROVIDER_TIMEOUT_MS: timeoutMs } = env();
  const configurations = providerConfigurations();
  const registry: Registry = { adapters: new Map(), problems: [] };

  function add<P extends ProviderId>(provider: P): void {
    const configuration = configurations[provider];
    if (configuration.status === "unset") return;
    if (configuration.status === "invalid") {
      registry.problems.push({ provider, message: configuration.message });
      logger.error({ provider }, configuration.message);
      return;
    }
    registry.adapters.set(provider, factories[provider](configuration.settings, timeoutMs));
  }

  for (const provider of providerIdSchema.options) add(provider);
  return registry;
}

function registry(): Registry {
  globalForAdapters.redlineProviders ??= buildRegistry();
  return globalForAdapters.redlineProviders;
}

/** The adapter for a configured provider; an unconfigured (or misconfigured) provider is simply absent. */
export function getAdapter(provider: ProviderId): ProviderAdapter | null {
  return registry().adapters.get(provider) ?? null;
}

export function configuredProviders(): ProviderId[] {
  return [...registry().adapters.keys()];
}

/** Why a provider someone meant to configure is absent, for an admin-facing notice. */
export function providerConfigurationProblems(): ProviderConfigurationProblem[] {
  return [...registry().problems];
}
