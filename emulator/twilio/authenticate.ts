import { twilioCredentials, type TwilioCredential } from "./credentials";

/** HTTP Basic: API key SID and secret (or account SID and auth token). A revoked key is refused like a wrong one. */
export function authenticate(header: string | undefined): TwilioCredential | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? "");
  if (match === null) return null;
  const decoded = Buffer.from(match[1] as string, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return null;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  const credential = twilioCredentials.find((candidate) => candidate.username === username && candidate.password === password);
  return credential === undefined || credential.revoked ? null : credential;
}
