import "server-only";
import { env } from "@/lib/env";
import { createAlloAdapter } from "./allo/adapter";
import type { ProviderId } from "./provider-id";
import type { ProviderAdapter } from "./types";

const globalForAdapters = globalThis as unknown as { redlineAdapters?: Map<ProviderId, ProviderAdapter> };

function configuredAdapters(): Map<ProviderId, ProviderAdapter> {
  const config = env();
  const adapters = new Map<ProviderId, ProviderAdapter>();
  if (config.ALLO_API_KEY) {
    adapters.set(
      "allo",
      createAlloAdapter({ apiKey: config.ALLO_API_KEY, baseUrl: config.ALLO_BASE_URL, timeoutMs: config.PROVIDER_TIMEOUT_MS }),
    );
  }
  return adapters;
}

/** The adapter for a configured provider; an unconfigured provider is simply absent. */
export function getAdapter(provider: ProviderId): ProviderAdapter | null {
  globalForAdapters.redlineAdapters ??= configuredAdapters();
  return globalForAdapters.redlineAdapters.get(provider) ?? null;
}

export function configuredProviders(): ProviderId[] {
  globalForAdapters.redlineAdapters ??= configuredAdapters();
  return [...globalForAdapters.redlineAdapters.keys()];
}
