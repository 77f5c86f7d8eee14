import { z } from "zod";

export const providerIdSchema = z.enum(["allo", "openphone", "bland", "twilio"]);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const providerNames: Record<ProviderId, string> = {
  allo: "Allo",
  openphone: "Quo",
  bland: "Bland",
  twilio: "Twilio Memory",
};
