import type { RunningEmulator } from "@/emulator/server";
import { createAlloAdapter } from "@/lib/providers/allo/adapter";
import { createBlandAdapter } from "@/lib/providers/bland/adapter";
import { createOpenPhoneAdapter } from "@/lib/providers/openphone/adapter";
import type { ProviderId } from "@/lib/providers/provider-id";
import { createTwilioAdapter } from "@/lib/providers/twilio/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";

export type AdapterOptions = { timeoutMs?: number; fetch?: typeof fetch };

/**
 * A fresh adapter for a provider the emulator serves, as one app instance would build it: its own caches
 * (Bland's call → memory map), no pacing (the emulator runs without rate limits in these tests).
 */
export function emulatorAdapter(emulator: RunningEmulator, provider: Exclude<ProviderId, "openphone">, options: AdapterOptions = {}): ProviderAdapter {
  const { providers } = emulator.setup();
  const timeoutMs = options.timeoutMs ?? 5_000;
  switch (provider) {
    case "allo":
      return createAlloAdapter({ apiKey: providers.allo!.apiKey, baseUrl: providers.allo!.baseUrl, timeoutMs, fetch: options.fetch, rateLimit: null });
    case "bland":
      return createBlandAdapter({ apiKey: providers.bland!.apiKey, baseUrl: providers.bland!.baseUrl, timeoutMs, fetch: options.fetch });
    case "twilio": {
      const setup = providers.twilio!;
      return createTwilioAdapter({
        apiKeySid: setup.apiKeySid,
        apiKeySecret: setup.apiKeySecret,
        baseUrl: setup.baseUrl,
        storeId: setup.storeId,
        profileIds: setup.profileIds,
        timeoutMs,
        fetch: options.fetch,
      });
    }
  }
}

/** A Quo adapter listing every conversation the emulator has; another key (the starter plan's) or a webhook key optional. */
export function quoEmulatorAdapter(emulator: RunningEmulator, options: { apiKey?: string; webhookSecret?: string } = {}): ProviderAdapter {
  const setup = emulator.setup().providers.openphone!;
  return createOpenPhoneAdapter({
    apiKey: options.apiKey ?? setup.apiKey,
    baseUrl: setup.baseUrl,
    lines: setup.phoneNumbers.map((line) => ({ phoneNumberId: line.id, participants: line.participants })),
    timeoutMs: 5_000,
    rateLimit: null,
    webhookSecret: options.webhookSecret ?? null,
  });
}
