import { openPhoneApiKeys, type OpenPhoneApiKey } from "./keys";

export type QuoAuthentication = { ok: true; key: OpenPhoneApiKey } | { ok: false; message: string };

/** The raw key in `Authorization`. "The Quo API does not use a Bearer token", so `Bearer …` is refused. */
export function authenticate(header: string | undefined): QuoAuthentication {
  const value = header?.trim() ?? "";
  if (value === "") return { ok: false, message: "Missing Authorization header" };
  if (/\s/.test(value)) return { ok: false, message: "Send the API key itself in the Authorization header, with no scheme" };
  const key = openPhoneApiKeys.find((candidate) => candidate.key === value);
  return key === undefined ? { ok: false, message: "Invalid API key" } : { ok: true, key };
}
