import { alloFailure, type AlloFailure } from "./errors";
import { alloApiKeys, type AlloApiKey } from "./keys";

export type Authentication = { ok: true; key: AlloApiKey } | { ok: false; failure: AlloFailure };

/**
 * Allo's v2 guide sends `Api-Key <key>`; its v1 guide and clients in the wild send the bare key, and
 * both reach v2. Any other scheme (`Bearer …`) is refused before the key is even looked at.
 */
export function authenticate(header: string | undefined): Authentication {
  const value = header?.trim() ?? "";
  if (value === "") {
    return { ok: false, failure: alloFailure("UNAUTHORIZED", { message: "Missing Authorization header." }) };
  }
  const [first = "", second, ...rest] = value.split(/\s+/);
  let token: string;
  if (second === undefined) token = first;
  else if (first.toLowerCase() === "api-key" && rest.length === 0) token = second;
  else {
    return {
      ok: false,
      failure: alloFailure("UNAUTHORIZED", {
        message: `Unsupported Authorization scheme '${first}'. Send the key as Api-Key <your-key>.`,
      }),
    };
  }
  const key = alloApiKeys.find((candidate) => candidate.key === token);
  if (key === undefined) return { ok: false, failure: alloFailure("API_KEY_INVALID") };
  if (key.revoked) return { ok: false, failure: alloFailure("API_KEY_REVOKED") };
  return { ok: true, key };
}
