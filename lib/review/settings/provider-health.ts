import { isProviderError } from "@/lib/providers/provider-error";
import type { ProviderId } from "@/lib/providers/provider-id";
import type { Capabilities, ProviderAdapter } from "@/lib/providers/types";

export type ProviderHealth = {
  provider: ProviderId;
  capabilities: Capabilities;
  reachable: boolean;
  authorized: boolean | null;
  rateLimited: boolean;
  /** The provider's own code and request id when the probe failed, for support. */
  problem: { code: string; message: string; requestId: string | null } | null;
};

/** Probes a provider with the smallest read it offers: one call of its list. Never shows a key. */
export async function probeProvider(adapter: ProviderAdapter): Promise<ProviderHealth> {
  const health = { provider: adapter.id, capabilities: adapter.capabilities };
  try {
    await adapter.listCalls({ page: 1, size: 1 });
    return { ...health, reachable: true, authorized: true, rateLimited: false, problem: null };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const problem = { code: error.code, message: error.message, requestId: error.requestId };
    const reachable = !["unavailable", "timeout"].includes(error.kind);
    const authorized = error.kind === "unauthorized" || error.kind === "forbidden" ? false : reachable ? true : null;
    return { ...health, reachable, authorized, rateLimited: error.kind === "rate_limited", problem };
  }
}
