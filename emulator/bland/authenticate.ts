import { blandApiKeys, type BlandApiKey } from "./keys";

/** The bare key in `authorization`, as Bland documents it; a `Bearer` prefix is not a key. */
export function authenticate(header: string | undefined): BlandApiKey | null {
  const value = header?.trim() ?? "";
  return blandApiKeys.find((candidate) => candidate.key === value) ?? null;
}
