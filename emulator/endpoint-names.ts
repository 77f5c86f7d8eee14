import { providerIds, type ProviderId } from "./provider-id";

/**
 * Every emulated endpoint by name, per provider: what faults are aimed at (`allo.updateSummary`,
 * `openphone.*`). Each provider's router tags its routes with these names.
 */
export const endpointNames = {
  allo: ["me", "search", "batchGet", "getItem", "updateSummary"],
  openphone: ["listCalls", "getCall", "getCallSummary", "getCallTranscript", "listUsers", "listContacts"],
  bland: ["listCalls", "getCall", "listContacts", "getContact", "getMemory", "updateMemorySummary", "listPersonas"],
  twilio: ["listSummaries", "getSummary", "updateSummary", "getProfile"],
} as const satisfies Record<ProviderId, readonly string[]>;

export type EndpointName<P extends ProviderId> = (typeof endpointNames)[P][number];

/** `allo.me`, `allo.search`, … `twilio.updateSummary`. */
export const qualifiedEndpointNames: readonly string[] = providerIds.flatMap((provider) =>
  endpointNames[provider].map((name) => `${provider}.${name}`),
);

/** Quo is the company's current name; faults may use it for OpenPhone's endpoints. */
export const providerAliases: Readonly<Record<string, ProviderId>> = { quo: "openphone" };
