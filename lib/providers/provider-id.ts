import { z } from "zod";
import { providerIds } from "./provider-names";

export { providerNames, type ProviderId } from "./provider-names";

export const providerIdSchema = z.enum(providerIds);
