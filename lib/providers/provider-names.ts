/** Provider ids and display names, without a schema library, so browser code can use them cheaply. */
export const providerIds = ["allo", "openphone", "bland", "twilio"] as const;

export type ProviderId = (typeof providerIds)[number];

export const providerNames: Record<ProviderId, string> = {
  allo: "Allo",
  openphone: "Quo",
  bland: "Bland",
  twilio: "Twilio Memory",
};
