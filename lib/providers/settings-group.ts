import { z } from "zod";

/** An empty variable is an unset one. */
const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const requiredSetting = z.string().min(1);
export const urlWithDefault = (url: string) => z.preprocess(emptyToUndefined, z.url().default(url));

/**
 * One provider's environment variables: the ones set together or not at all (a provider is configured when all
 * are set, and named as broken when only some are), and the schema that turns them into its settings.
 */
export type SettingsGroup<S> = { required: readonly string[]; schema: z.ZodType<S> };
