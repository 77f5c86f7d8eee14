/** The providers the emulator stands in for, named as Redline names them. */
export const providerIds = ["allo", "openphone", "bland", "twilio"] as const;
export type ProviderId = (typeof providerIds)[number];

export const providerNames: Record<ProviderId, string> = {
  allo: "Allo v2",
  openphone: "Quo (OpenPhone) v1",
  bland: "Bland",
  twilio: "Twilio Conversation Memory",
};

/** The providers whose summaries can be edited through their API (Quo's are read-only). */
export const writableProviders = ["allo", "bland", "twilio"] as const;
export type WritableProvider = (typeof writableProviders)[number];
